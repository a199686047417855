# bash completion for warraq: options, formats (from --list-formats), and
# files. Installed as share/bash-completion/completions/warraq.
_warraq()
{
	local cur prev words cword
	_init_completion -s 2> /dev/null || {
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD - 1]}
	}
	case $prev in
	-f | --from | -t | --to)
		COMPREPLY=($(compgen -W "$(warraq --list-formats 2> /dev/null |
			awk '/^[a-z]/ { print $1 }')" -- "$cur"))
		return ;;
	-O | --output-dir | --plugin-dir | --resource-path)
		COMPREPLY=($(compgen -d -- "$cur"))
		return ;;
	--dir)
		COMPREPLY=($(compgen -W "ltr rtl" -- "$cur"))
		return ;;
	--log)
		COMPREPLY=($(compgen -W "text json" -- "$cur"))
		return ;;
	-o | --output | --cover | --embed-font | --css | --metadata-file | -d | --defaults | --depfile)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(warraq --help 2> /dev/null |
			grep -o -- '--[a-z-]*' | sort -u) -f -t -o -O -j -M -V -d -q -h" -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _warraq warraq
