# What the end-to-end test scripts share. Sourced with the depeche binary as $1: sets $bin,
# moves to the project's root, makes a scratch directory $work (removed on exit), and gives
# expect and finish.
set -u
bin=$(realpath "$1")
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0

# expect NAME CONDITION: CONDITION is evaluated by the shell after the command ran
expect() {
  if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1 [$2]"; fi
}

# The last line of every script: the count, and the exit status ctest reads.
finish() {
  echo "$pass passed, $fail failed"
  [ "$fail" -eq 0 ]
}
