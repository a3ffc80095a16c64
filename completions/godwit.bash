# bash completion for godwit. Generated from godwit's command tree: do not edit, regenerate
# (java -cp shell/target/godwit.jar dev.godwit.shell.app.Completions completions).
#
# Install: source this file from ~/.bashrc, or put it in a bash-completion folder as `godwit`
# (scripts/install does). Migration folders and environments are read from the project on
# each TAB; what lives in the database (failed and applied migrations, tables) comes from
# .godwit/complete/, which godwit writes when it reads the database, and which is refreshed in
# the background when it is older than $GODWIT_COMPLETE_TTL seconds (default 30). No TAB
# waits for the JVM.

_godwit_commands="status apply deploy resolve init diff drift plan dev down rebase baseline reset seed push pull timeline lint unlock show history inspect sql connect use envs project refresh help"
_godwit_root_options="--project --env -e --url --verbose -v --no-color -c -f --on-error --help -h --version -V"
# each command's options (_gw_opts), the values its options take (_gw_vopts), its arguments (_gw_pos, _gw_posmax)
_godwit_spec() {
  _gw_opts="" _gw_vopts=" " _gw_pos="" _gw_posmax=0
  case "$1" in
    status) _gw_opts="--json --drift --fleet --parallel" _gw_vopts=" --fleet=none --parallel=none " _gw_pos="" _gw_posmax=0 ;;
    apply|deploy) _gw_opts="--dry-run --lock-timeout --json --fleet --parallel --canary --max-failures --resume --lock-timeout-per-statement --retries" _gw_vopts=" --lock-timeout=none --fleet=none --parallel=none --canary=none --max-failures=none --lock-timeout-per-statement=none --retries=none " _gw_pos="" _gw_posmax=0 ;;
    resolve) _gw_opts="--applied --rolled-back --retry --finish --undo --reason --yes --lock-timeout --json" _gw_vopts=" --applied=notapplied --rolled-back=failed --retry=failed --finish=failed --undo=failed --reason=none --lock-timeout=none " _gw_pos="" _gw_posmax=0 ;;
    init) _gw_opts="--provider --dir --json" _gw_vopts=" --provider=words:postgresql,mysql --dir=dir " _gw_pos="" _gw_posmax=0 ;;
    diff) _gw_opts="--from --to --script --json --exit-code --output" _gw_vopts=" --from=source --to=source --output=file -o=file " _gw_pos="" _gw_posmax=0 ;;
    drift) _gw_opts="--adopt --yes --json --no-screen --lock-timeout --fleet --parallel" _gw_vopts=" --adopt=none --lock-timeout=none --fleet=none --parallel=none " _gw_pos="" _gw_posmax=0 ;;
    plan) _gw_opts="--name --schema --rename --reorder-enums --safe --json" _gw_vopts=" --name=none --schema=none --rename=none " _gw_pos="" _gw_posmax=0 ;;
    dev) _gw_opts="--name --schema --accept-data-loss --yes --skip-generate --lock-timeout --rename --reorder-enums --json" _gw_vopts=" --name=none --schema=none --lock-timeout=none --rename=none " _gw_pos="" _gw_posmax=0 ;;
    down) _gw_opts="--yes --lock-timeout --json" _gw_vopts=" --lock-timeout=none " _gw_pos="" _gw_posmax=0 ;;
    rebase) _gw_opts="--json" _gw_vopts=" " _gw_pos="rebase" _gw_posmax=1 ;;
    baseline) _gw_opts="--name --create-only --yes --lock-timeout --json" _gw_vopts=" --name=none --lock-timeout=none " _gw_pos="" _gw_posmax=0 ;;
    reset) _gw_opts="--force --skip-seed --lock-timeout --json" _gw_vopts=" --lock-timeout=none " _gw_pos="" _gw_posmax=0 ;;
    seed) _gw_opts="--yes --json" _gw_vopts=" " _gw_pos="" _gw_posmax=0 ;;
    push) _gw_opts="--schema --accept-data-loss --rename --yes --reorder-enums --json" _gw_vopts=" --schema=none --rename=none " _gw_pos="" _gw_posmax=0 ;;
    pull) _gw_opts="--print --json" _gw_vopts=" " _gw_pos="" _gw_posmax=0 ;;
    timeline) _gw_opts="--fleet --parallel --json" _gw_vopts=" --fleet=none --parallel=none " _gw_pos="" _gw_posmax=0 ;;
    lint) _gw_opts="--pending --all --offline --provider --show-ignored --json" _gw_vopts=" --provider=words:postgresql,mysql " _gw_pos="migration" _gw_posmax=99 ;;
    unlock) _gw_opts="--yes --json" _gw_vopts=" " _gw_pos="" _gw_posmax=0 ;;
    show) _gw_opts="--json" _gw_vopts=" " _gw_pos="migration" _gw_posmax=1 ;;
    history) _gw_opts="--json --logs" _gw_vopts=" " _gw_pos="" _gw_posmax=0 ;;
    inspect) _gw_opts="--json" _gw_vopts=" " _gw_pos="table" _gw_posmax=1 ;;
    sql) _gw_opts="--write --yes --json" _gw_vopts=" " _gw_pos="none" _gw_posmax=99 ;;
    connect) _gw_opts="--json" _gw_vopts=" " _gw_pos="none" _gw_posmax=1 ;;
    use) _gw_opts="--json" _gw_vopts=" " _gw_pos="env" _gw_posmax=1 ;;
    envs) _gw_opts="--json" _gw_vopts=" " _gw_pos="" _gw_posmax=0 ;;
    project) _gw_opts="--json" _gw_vopts=" " _gw_pos="dir" _gw_posmax=1 ;;
    refresh) _gw_opts="--json" _gw_vopts=" " _gw_pos="" _gw_posmax=0 ;;
    help) _gw_opts="--json" _gw_vopts=" " _gw_pos="command" _gw_posmax=1 ;;
  esac
}
_godwit_global_values=" --project=dir --env=env -e=env --url=none -c=none -f=file --on-error=words:stop,continue "

# The project folder: --project on the line, else the nearest folder up with godwit.toml or
# prisma/schema.prisma.
_godwit_root() {
  local d="${_gw_project:-$PWD}"
  [[ "$d" == /* ]] || d="$PWD/$d"
  if [[ -n "$_gw_project" ]]; then
    [[ -f "$d/godwit.toml" || -f "$d/prisma/schema.prisma" ]] && { _gw_rootdir="$d"; return 0; }
    return 1
  fi
  while :; do
    if [[ -f "$d/godwit.toml" || -f "$d/prisma/schema.prisma" ]]; then _gw_rootdir="$d"; return 0; fi
    [[ -z "$d" || "$d" == / ]] && return 1
    d="${d%/*}"
  done
}

# Environments: the [env.NAME] tables of godwit.toml.
_godwit_envs() {
  local line
  [[ -f "$_gw_rootdir/godwit.toml" ]] || return 0
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ "$line" =~ ^[[:space:]]*\[env\.([A-Za-z0-9_-]+)\] ]] && _gw_values+=("${BASH_REMATCH[1]}")
  done <"$_gw_rootdir/godwit.toml"
}

# The cache of what the database holds (applied, failed, tables), and the migration folders.
_godwit_state() {
  local f="$_gw_rootdir/.godwit/complete/${_gw_env:-default}" kind name written=0 m
  _gw_applied=() _gw_failed=() _gw_tables=() _gw_local=()
  local migdir="$_gw_rootdir/prisma/migrations"
  if [[ -f "$f" ]]; then
    while read -r kind name; do
      case "$kind" in
        written) written="$name" ;;
        migrations-dir) migdir="$name" ;;
        applied) _gw_applied+=("$name") ;;
        failed) _gw_failed+=("$name") ;;
        table) _gw_tables+=("$name") ;;
      esac
    done <"$f"
  fi
  for m in "$migdir"/*/migration.sql; do
    [[ -f "$m" ]] || continue
    m="${m%/migration.sql}"
    _gw_local+=("${m##*/}")
  done
  local now="${EPOCHSECONDS:-$(date +%s)}"
  if [[ ! -f "$f" || "$f" -ot "$migdir" || $((now - written)) -gt ${GODWIT_COMPLETE_TTL:-30} ]]; then
    _godwit_refresh
  fi
}

# Asks godwit for a fresh cache in the background (one at a time); this TAB answers with what there is.
_godwit_refresh() {
  local dir="$_gw_rootdir/.godwit/complete"
  mkdir -p "$dir" 2>/dev/null || return 0
  if [[ -d "$dir/.refreshing" ]] && [[ -n "$(find "$dir/.refreshing" -maxdepth 0 -mmin +2 2>/dev/null)" ]]; then
    rmdir "$dir/.refreshing" 2>/dev/null
  fi
  mkdir "$dir/.refreshing" 2>/dev/null || return 0
  local prog="$_gw_prog" root="$_gw_rootdir" env="$_gw_env"
  ( ( "$prog" __complete --refresh-cache --project "$root" ${env:+--env "$env"} >/dev/null 2>&1 </dev/null
      rmdir "$dir/.refreshing" 2>/dev/null ) & )
}

_godwit_member() { # NAME LIST…: whether NAME is one of LIST
  local x n="$1"; shift
  for x in "$@"; do [[ "$x" == "$n" ]] && return 0; done
  return 1
}

# Values of one kind into _gw_values (the caller filters by the word being typed).
_godwit_values() {
  local kind="$1" n
  _gw_values=()
  case "$kind" in
    none|"") return ;;
    dir) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")); _gw_done=1; return ;;
    file) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); _gw_done=1; return ;;
    words:*) local IFS=,; _gw_values=(${kind#words:}); return ;;
    command) _gw_values=($_godwit_commands); return ;;
  esac
  _godwit_root || return 0
  case "$kind" in
    env) _godwit_envs ;;
    source)
      _godwit_envs
      local e; local -a envs=("${_gw_values[@]}")
      _gw_values=(database migrations schema empty url: sql: schema: migrations:)
      for e in "${envs[@]}"; do _gw_values+=("env:$e"); done ;;
    *)
      _godwit_state
      case "$kind" in
        failed) _gw_values=("${_gw_failed[@]}") ;;
        table) _gw_values=("${_gw_tables[@]}") ;;
        migration)
          _gw_values=("${_gw_local[@]}")
          for n in "${_gw_applied[@]}"; do _godwit_member "$n" "${_gw_local[@]}" || _gw_values+=("$n"); done ;;
        notapplied|rebase)
          for n in "${_gw_local[@]}"; do
            _godwit_member "$n" "${_gw_applied[@]}" && continue
            [[ "$kind" == rebase ]] && _godwit_member "$n" "${_gw_failed[@]}" && continue
            _gw_values+=("$n")
          done ;;
      esac ;;
  esac
}

_godwit() {
  local cur="${COMP_WORDS[COMP_CWORD]}" prev="" cmd="" w i kind="" npos=0
  local _gw_project="" _gw_env="" _gw_rootdir="" _gw_prog="${COMP_WORDS[0]}" _gw_done=0
  local -a _gw_values _gw_applied _gw_failed _gw_tables _gw_local
  local _gw_opts _gw_vopts _gw_pos _gw_posmax
  ((COMP_CWORD > 0)) && prev="${COMP_WORDS[COMP_CWORD-1]}"
  COMPREPLY=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="${COMP_WORDS[i]}"
    case "$w" in
      --project) _gw_project="${COMP_WORDS[i+1]}"; ((i++)); continue ;;
      --env|-e) _gw_env="${COMP_WORDS[i+1]}"; ((i++)); continue ;;
    esac
    if [[ "$_godwit_global_values" == *" $w="* ]]; then ((i++)); continue; fi
    if [[ -n "$cmd" && "$_gw_vopts" == *" $w="* ]]; then ((i++)); continue; fi
    [[ "$w" == -* ]] && continue
    if [[ -z "$cmd" ]]; then cmd="$w"; _godwit_spec "$cmd"; else ((npos++)); fi
  done
  [[ -z "$cmd" ]] && _godwit_spec ""
  # the value of the option before the cursor
  if [[ "$prev" == -* ]]; then
    local pair
    for pair in $_godwit_global_values $_gw_vopts; do
      [[ "${pair%%=*}" == "$prev" ]] && kind="${pair#*=}"
    done
    if [[ -n "$kind" ]]; then
      _godwit_values "$kind"
      ((_gw_done)) || COMPREPLY=($(compgen -W "${_gw_values[*]}" -- "$cur"))
      return 0
    fi
  fi
  if [[ -z "$cmd" ]]; then
    if [[ "$cur" == -* ]]; then
      COMPREPLY=($(compgen -W "$_godwit_root_options" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "$_godwit_commands" -- "$cur"))
    fi
    return 0
  fi
  if [[ "$cur" != -* && -n "$_gw_pos" && $npos -lt $_gw_posmax ]]; then
    _godwit_values "$_gw_pos"
    ((_gw_done)) && return 0
    COMPREPLY=($(compgen -W "${_gw_values[*]}" -- "$cur"))
    [[ ${#COMPREPLY[@]} -gt 0 || -n "$cur" || "$_gw_pos" != none ]] && return 0
  fi
  local words="$_gw_opts"
  # the options every command takes, when typed far enough to mean them
  if [[ ${#cur} -ge 3 && -z "$(compgen -W "$_gw_opts" -- "$cur")" ]]; then words="$words $_godwit_root_options"; fi
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
  return 0
}

complete -F _godwit godwit
