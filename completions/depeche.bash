# bash completion for depeche: commands, options, and the values options take.
_depeche()
{
    local cur prev words cword
    _init_completion || return
    local commands="extract timeline parse eval help"
    local common="--encoding --pretty --compact --explain --gazetteer --patterns --no-default-data --help --version"
    local command=""
    for w in "${words[@]:1:cword-1}"; do
        case $w in extract|timeline|parse|eval|help) command=$w; break ;; esac
    done
    case $prev in
        --format) COMPREPLY=($(compgen -W "json csv timelinejs html" -- "$cur")); return ;;
        --type) COMPREPLY=($(compgen -W "appointment dismissal resignation join acquisition merger partnership funding lawsuit layoffs product_launch bankruptcy fine" -- "$cur")); return ;;
        --modality) COMPREPLY=($(compgen -W "asserted hypothetical negated" -- "$cur")); return ;;
        --lang) COMPREPLY=($(compgen -W "en fr" -- "$cur")); return ;;
        --encoding) COMPREPLY=($(compgen -W "UTF-8 ISO-8859-1 ISO-8859-15 WINDOWS-1252 UTF-16" -- "$cur")); return ;;
        --gazetteer|--patterns) _filedir; return ;;
        -j|--jobs|--min-confidence|--since|--until|--entity) return ;;
    esac
    local options=$common
    case $command in
        extract) options="$common --ndjson -j --jobs --progress --no-progress -q --quiet" ;;
        parse) options="$common --ndjson -j --jobs" ;;
        eval) options="$common --show --json -j --jobs" ;;
        timeline) options="$common --format --type --modality --min-confidence --entity --since --until --lang" ;;
        help) COMPREPLY=($(compgen -W "extract timeline parse eval" -- "$cur")); return ;;
        "") if [[ $cur != -* ]]; then COMPREPLY=($(compgen -W "$commands" -- "$cur")); fi ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
    else
        _filedir
    fi
}
complete -F _depeche depeche
