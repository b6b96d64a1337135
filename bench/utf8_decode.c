/* The benchmark's yardstick: decode every UTF-8 code point of the input and count them, as
 * fast as a plain loop goes. depeche's throughput is read against it. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    static unsigned char buf[1 << 20];
    size_t n, cps = 0, invalid = 0;
    unsigned long long sum = 0;
    while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) {
        for (size_t i = 0; i < n;) {
            unsigned c = buf[i];
            unsigned len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            unsigned cp = len == 1 ? c : c & (0x7Fu >> len);
            for (unsigned k = 1; k < len && i + k < n; k++) {
                invalid += (buf[i + k] & 0xC0) != 0x80;
                cp = (cp << 6) | (buf[i + k] & 0x3F);
            }
            sum += cp;
            cps++;
            i += len;
        }
    }
    printf("%zu code points, %zu bad continuation bytes, checksum %llu\n", cps, invalid, sum);
    return 0;
}
