# fish completion for godwit. Generated from godwit's command tree: do not edit, regenerate
# (java -cp shell/target/godwit.jar dev.godwit.shell.app.Completions completions).
#
# Install: put this file, named godwit.fish, in ~/.config/fish/completions/ or another folder of
# $fish_complete_path (scripts/install does). Migration folders and environments are read from the
# project on each TAB; what lives in the database (failed and applied migrations, tables) comes from
# .godwit/complete/, which godwit writes when it reads the database, and which is refreshed in the
# background when it is older than $GODWIT_COMPLETE_TTL seconds (default 30). No TAB waits for the JVM.

set -g __godwit_commands \
    'status' 'Show every migration\'s state: applied, pending, failed, rolled back, edited after apply, missing locally, out of order' \
    'apply' 'Apply every pending migration in folder order (like prisma migrate deploy)' \
    'deploy' 'Apply every pending migration in folder order (like prisma migrate deploy)' \
    'resolve' 'Record by hand how a migration ended (like prisma migrate resolve), or recover a failed one' \
    'init' 'Make a new godwit project in the current folder: godwit.toml, prisma/schema.prisma, an empty migrations folder; in a Prisma 7 project (prisma.config.ts) only a godwit.toml that reads its settings from there' \
    'diff' 'Compare two schemas and show what turns the first into the second' \
    'drift' 'Compare the database with what its applied migrations describe (replayed into a shadow database)' \
    'plan' 'Write the migration that takes the migrations folder to schema.prisma (Prisma\'s migrate dev --create-only)' \
    'dev' 'Apply pending migrations, then plan the next one from schema.prisma and apply it (Prisma\'s migrate dev)' \
    'down' 'Undo the last applied migration with its down.sql, and mark it rolled back so it is pending again' \
    'rebase' 'Give an unapplied local migration a new timestamp after the newest one (teammates\' came later)' \
    'baseline' 'Adopt a database without migration history: its schema becomes the first, applied migration' \
    'reset' 'Drop everything in the project\'s schema, apply every migration again, then run godwit.toml\'s seed command (Prisma\'s migrate reset)' \
    'seed' 'Run the seed command of godwit.toml (seed = "…") in the project root, with DATABASE_URL set (Prisma\'s db seed)' \
    'push' 'Make the database match schema.prisma without writing a migration (Prisma\'s db push)' \
    'pull' 'Read the database into schema.prisma (Prisma\'s db pull): models, fields, native types, relations, indexes, enums' \
    'timeline' 'Full-screen history of every migration: when it ran, how long it took, every attempt with its logs, the statement that failed marked in its SQL; resolve failed migrations from there' \
    'lint' 'Check migrations for statements that lock or rewrite big tables: the lock each takes, what it blocks, and (connected) the table\'s live size and row estimate; each finding with its safe form as SQL' \
    'unlock' 'Say who holds the migration lock (Prisma\'s advisory lock, MySQL\'s GET_LOCK), for how long and whether that session is idle, and end that session after a confirmation (default no) so that deploys can go on' \
    'show' 'Show one migration: its state, its SQL, and every attempt in the history with times and logs' \
    'history' 'Every attempt recorded in _prisma_migrations, oldest first, including failed and rolled-back ones' \
    'inspect' 'Describe a table like psql\'s \\d: columns, primary key, indexes, foreign keys' \
    'sql' 'Run SQL on the database and print the results as a table' \
    'connect' 'Work on another database, given by URL (e.g. postgresql://user:password@host:5432/db?schema=public)' \
    'use' 'Switch to another environment of the project (see `envs`); later commands work on its database' \
    'envs' 'List the project\'s environments (from godwit.toml); \'*\' marks the one in use' \
    'project' 'Switch to another project folder (one with prisma/schema.prisma), and its default environment' \
    'refresh' 'Read the migrations and the database again (the shell\'s completions and prompt use what it finds)' \
    'help' 'When no COMMAND is given, the usage help for the main command is displayed'
set -g __godwit_root_options \
    '--project' 'Project folder (default: found by walking up from the current folder)' \
    '--env' 'Environment from godwit.toml ([env.NAME])' \
    '--url' 'Database URL (overrides every other source)' \
    '--verbose' 'Show stack traces and more detail on errors' \
    '--no-color' 'No colours (also when NO_COLOR is set or output is not a terminal)' \
    '-c' 'Run commands separated by \';\' or newlines, then exit' \
    '-f' 'Run the commands in FILE (\'-\' for stdin), then exit' \
    '--on-error' 'In -c/-f/stdin batches, after a command exits non-zero: stop (default; the rest is listed as not run) or continue' \
    '--help' 'Show this help message and exit' \
    '--version' 'Print version information and exit'
set -g __godwit_global_values ' --project=dir --env=env -e=env --url=none -c=none -f=file --on-error=words:stop,continue '
function __godwit_spec
    set -g __gw_opts
    set -g __gw_vopts ' '
    set -g __gw_pos ''
    set -g __gw_posmax 0
    switch $argv[1]
        case status
            set -g __gw_opts '--json' 'Print the status as JSON' '--drift' 'Also check for drift (replays the applied migrations into a shadow database)' '--fleet' 'Work on every target of the fleet NAME of godwit.toml ([fleet.NAME])' '--parallel' 'With --fleet: how many targets at a time (default: the fleet\'s parallel, else 4)'
            set -g __gw_vopts ' --fleet=none --parallel=none '
            set -g __gw_pos ''
            set -g __gw_posmax 0
        case apply deploy
            set -g __gw_opts '--dry-run' 'Print what would run, in order, and touch nothing' '--lock-timeout' 'How long to wait for the migration lock (default: 10 s)' '--json' 'Print the result as JSON' '--fleet' 'Work on every target of the fleet NAME of godwit.toml ([fleet.NAME])' '--parallel' 'With --fleet: how many targets at a time (default: the fleet\'s parallel, else 4)' '--canary' 'With --fleet: apply to the first K targets first; a failure among them stops the run' '--max-failures' 'With --fleet: start no new target after F failures (default: the fleet\'s, else 1)' '--resume' 'With --fleet: continue the last run, skipping the targets it left up to date' '--lock-timeout-per-statement' 'Each statement waits at most this long for its locks (e.g. 5s, 500ms; PostgreSQL lock_timeout, MySQL lock_wait_timeout) instead of queueing the application behind it (default: godwit.toml\'s [apply])' '--retries' 'After a lock time-out, try again N times with a doubling backoff (default: godwit.toml\'s [apply], else 3)'
            set -g __gw_vopts ' --lock-timeout=none --fleet=none --parallel=none --canary=none --max-failures=none --lock-timeout-per-statement=none --retries=none '
            set -g __gw_pos ''
            set -g __gw_posmax 0
        case resolve
            set -g __gw_opts '--applied' 'Mark MIGRATION as applied without running it' '--rolled-back' 'Mark the failed MIGRATION as rolled back' '--retry' 'Nothing of the failed MIGRATION took effect: mark it rolled back and apply the pending migrations' '--finish' 'Run the statements of the failed MIGRATION that did not take effect, then mark it applied' '--undo' 'Reverse what the failed MIGRATION left in the database, then mark it rolled back' '--reason' 'Why; kept in the history with the time and your user name' '--yes' 'Do not ask (needed without a terminal for --retry, --finish and --undo)' '--lock-timeout' 'How long to wait for the migration lock' '--json' 'Print the outcome as one JSON object on stdout (also on errors)'
            set -g __gw_vopts ' --applied=notapplied --rolled-back=failed --retry=failed --finish=failed --undo=failed --reason=none --lock-timeout=none '
            set -g __gw_pos ''
            set -g __gw_posmax 0
        case init
            set -g __gw_opts '--provider' 'postgresql or mysql (default: postgresql)' '--dir' 'Folder to initialise (default: the current folder)' '--json' 'Print the outcome as one JSON object on stdout (also on errors)'
            set -g __gw_vopts ' --provider=words:postgresql,mysql --dir=dir '
            set -g __gw_pos ''
            set -g __gw_posmax 0
        case diff
            set -g __gw_opts '--from' 'The schema to start from' '--to' 'The schema to arrive at' '--script' 'Print the SQL that turns --from into --to' '--json' 'Print the typed changes as JSON' '--exit-code' 'Exit 0 when there is no difference, 2 when there are differences, 1 on error' '--output' 'Write the result to FILE instead of stdout'
            set -g __gw_vopts ' --from=source --to=source --output=file -o=file '
            set -g __gw_pos ''
            set -g __gw_posmax 0
        case drift
            set -g __gw_opts '--adopt' 'Write the drift as migration <timestamp>_NAME and mark it applied' '--yes' 'Do not ask before --adopt (needed without a terminal)' '--json' 'Print the report as JSON' '--no-screen' 'Print the report as text even on a terminal (where it opens full screen)' '--lock-timeout' 'How long to wait for the migration lock (--adopt)' '--fleet' 'Work on every target of the fleet NAME of godwit.toml ([fleet.NAME])' '--parallel' 'With --fleet: how many targets at a time (default: the fleet\'s parallel, else 4)'
            set -g __gw_vopts ' --adopt=none --lock-timeout=none --fleet=none --parallel=none '
            set -g __gw_pos ''
            set -g __gw_posmax 0
        case plan
            set -g __gw_opts '--name' 'Write <timestamp>_NAME/migration.sql (and down.sql)' '--schema' 'The desired schema: a .prisma file (default: the project\'s) or sql:FILE_OR_DIR' '--rename' 'Keep the data of a renamed table (OldTable=NewTable), column (Table.old=new) or PostgreSQL enum (Old=New) instead of dropping and adding it; repeatable' '--reorder-enums' 'Re-create enum types whose existing values schema.prisma lists in another order (by default the order is left as it is, as Prisma does)' '--safe' 'Write the safe forms: indexes CONCURRENTLY in migrations of their own, constraints NOT VALID then VALIDATE, a required column added nullable then made NOT NULL after a fill (default: godwit.toml\'s [plan] safe)' '--json' 'Print the outcome as one JSON object on stdout (also on errors)'
            set -g __gw_vopts ' --name=none --schema=none --rename=none '
            set -g __gw_pos ''
            set -g __gw_posmax 0
        case dev
            set -g __gw_opts '--name' 'Name of the new migration (asked on a terminal; needed without one)' '--schema' 'The desired schema: a .prisma file (default: the project\'s) or sql:FILE_OR_DIR' '--accept-data-loss' 'Go ahead despite data-loss warnings' '--yes' 'Do not ask for a name or confirmation (data loss still needs --accept-data-loss)' '--skip-generate' 'Do not run the generate commands of godwit.toml afterwards' '--lock-timeout' 'How long to wait for the migration lock' '--rename' 'Keep the data of a renamed table (OldTable=NewTable), column (Table.old=new) or PostgreSQL enum (Old=New) instead of dropping and adding it; repeatable' '--reorder-enums' 'Re-create enum types whose existing values schema.prisma lists in another order (by default the order is left as it is, as Prisma does)' '--json' 'Print the outcome as one JSON object on stdout (also on errors)'
            set -g __gw_vopts ' --name=none --schema=none --lock-timeout=none --rename=none '
            set -g __gw_pos ''
            set -g __gw_posmax 0
        case down
            set -g __gw_opts '--yes' 'Do not ask (needed without a terminal, and on production)' '--lock-timeout' 'How long to wait for the migration lock' '--json' 'Print the outcome as one JSON object on stdout (also on errors)'
            set -g __gw_vopts ' --lock-timeout=none '
            set -g __gw_pos ''
            set -g __gw_posmax 0
        case rebase
            set -g __gw_opts '--json' 'Print the outcome as one JSON object on stdout (also on errors)'
            set -g __gw_vopts ' '
            set -g __gw_pos 'rebase'
            set -g __gw_posmax 1
        case baseline
            set -g __gw_opts '--name' 'Name of the migration (default: baseline)' '--create-only' 'Write the migration without recording it (to edit it, then `godwit resolve --applied NAME`)' '--yes' 'Do not ask (needed without a terminal)' '--lock-timeout' 'How long to wait for the migration lock' '--json' 'Print the outcome as one JSON object on stdout (also on errors)'
            set -g __gw_vopts ' --name=none --lock-timeout=none '
            set -g __gw_pos ''
            set -g __gw_posmax 0
        case reset
            set -g __gw_opts '--force' 'Do not ask (needed without a terminal)' '--skip-seed' 'Do not run the seed command of godwit.toml afterwards' '--lock-timeout' 'How long to wait for the migration lock' '--json' 'Print the outcome as one JSON object on stdout (also on errors)'
            set -g __gw_vopts ' --lock-timeout=none '
            set -g __gw_pos ''
            set -g __gw_posmax 0
        case seed
            set -g __gw_opts '--yes' 'On an environment marked production: run without asking' '--json' 'Print the outcome as one JSON object on stdout (also on errors)'
            set -g __gw_vopts ' '
            set -g __gw_pos ''
            set -g __gw_posmax 0
        case push
            set -g __gw_opts '--schema' 'The desired schema: a .prisma file (default: the project\'s) or sql:FILE_OR_DIR' '--accept-data-loss' 'Go ahead despite data-loss warnings' '--rename' 'Keep the data of a renamed table (OldTable=NewTable), column (Table.old=new) or PostgreSQL enum (Old=New) instead of dropping and adding it; repeatable' '--yes' 'On a production database without a terminal: push anyway (at a terminal the database name is typed)' '--reorder-enums' 'Re-create enum types whose existing values schema.prisma lists in another order (by default the order is left as it is, as Prisma does)' '--json' 'Print the outcome as one JSON object on stdout (also on errors)'
            set -g __gw_vopts ' --schema=none --rename=none '
            set -g __gw_pos ''
            set -g __gw_posmax 0
        case pull
            set -g __gw_opts '--print' 'Print the schema instead of writing schema.prisma' '--json' 'Print the outcome as one JSON object on stdout (also on errors)'
            set -g __gw_vopts ' '
            set -g __gw_pos ''
            set -g __gw_posmax 0
        case timeline
            set -g __gw_opts '--fleet' 'Work on every target of the fleet NAME of godwit.toml ([fleet.NAME])' '--parallel' 'With --fleet: how many targets at a time (default: the fleet\'s parallel, else 4)' '--json' 'Print the outcome as one JSON object on stdout (also on errors)'
            set -g __gw_vopts ' --fleet=none --parallel=none '
            set -g __gw_pos ''
            set -g __gw_posmax 0
        case lint
            set -g __gw_opts '--pending' 'The migrations the database has not applied (the default)' '--all' 'Every migration of the folder' '--offline' 'Do not connect: no live sizes (severities assume a table of unknown size)' '--provider' 'With --offline outside a project: the SQL\'s database' '--show-ignored' 'Also list the findings that ignores silence, with their reasons' '--json' 'Print the findings as JSON'
            set -g __gw_vopts ' --provider=words:postgresql,mysql '
            set -g __gw_pos 'migration'
            set -g __gw_posmax 99
        case unlock
            set -g __gw_opts '--yes' 'End the holder without asking (not on production)' '--json' 'Print the outcome as one JSON object on stdout (also on errors)'
            set -g __gw_vopts ' '
            set -g __gw_pos ''
            set -g __gw_posmax 0
        case show
            set -g __gw_opts '--json' 'Print as JSON'
            set -g __gw_vopts ' '
            set -g __gw_pos 'migration'
            set -g __gw_posmax 1
        case history
            set -g __gw_opts '--json' 'Print as JSON' '--logs' 'Print each attempt\'s full logs, not only their first line'
            set -g __gw_vopts ' '
            set -g __gw_pos ''
            set -g __gw_posmax 0
        case inspect
            set -g __gw_opts '--json' 'Print the outcome as one JSON object on stdout (also on errors)'
            set -g __gw_vopts ' '
            set -g __gw_pos 'table'
            set -g __gw_posmax 1
        case sql
            set -g __gw_opts '--write' 'Allow changes: commit instead of rolling back (asks first)' '--yes' 'With --write: do not ask (required in batch mode)' '--json' 'Print the outcome as one JSON object on stdout (also on errors)'
            set -g __gw_vopts ' '
            set -g __gw_pos 'none'
            set -g __gw_posmax 99
        case connect
            set -g __gw_opts '--json' 'Print the outcome as one JSON object on stdout (also on errors)'
            set -g __gw_vopts ' '
            set -g __gw_pos 'none'
            set -g __gw_posmax 1
        case use
            set -g __gw_opts '--json' 'Print the outcome as one JSON object on stdout (also on errors)'
            set -g __gw_vopts ' '
            set -g __gw_pos 'env'
            set -g __gw_posmax 1
        case envs
            set -g __gw_opts '--json' 'Print the outcome as one JSON object on stdout (also on errors)'
            set -g __gw_vopts ' '
            set -g __gw_pos ''
            set -g __gw_posmax 0
        case project
            set -g __gw_opts '--json' 'Print the outcome as one JSON object on stdout (also on errors)'
            set -g __gw_vopts ' '
            set -g __gw_pos 'dir'
            set -g __gw_posmax 1
        case refresh
            set -g __gw_opts '--json' 'Print the outcome as one JSON object on stdout (also on errors)'
            set -g __gw_vopts ' '
            set -g __gw_pos ''
            set -g __gw_posmax 0
        case help
            set -g __gw_opts '--json' 'Print the outcome as one JSON object on stdout (also on errors)'
            set -g __gw_vopts ' '
            set -g __gw_pos 'command'
            set -g __gw_posmax 1
    end
end

function __godwit_root
    set -l d $__gw_project
    test -z "$d"; and set d $PWD
    string match -q -- '/*' $d; or set d $PWD/$d
    if test -n "$__gw_project"
        if test -f $d/godwit.toml; or test -f $d/prisma/schema.prisma
            set -g __gw_rootdir $d
            return 0
        end
        return 1
    end
    while true
        if test -f $d/godwit.toml; or test -f $d/prisma/schema.prisma
            set -g __gw_rootdir $d
            return 0
        end
        if test -z "$d"; or test "$d" = /
            return 1
        end
        set d (string replace -r '/[^/]*$' '' -- $d)
    end
end

function __godwit_envs
    test -f $__gw_rootdir/godwit.toml; or return 0
    string replace -rf '^\s*\[env\.([A-Za-z0-9_-]+)\].*' '$1' <$__gw_rootdir/godwit.toml
end

function __godwit_state
    set -l f $__gw_rootdir/.godwit/complete/default
    test -n "$__gw_env"; and set f $__gw_rootdir/.godwit/complete/$__gw_env
    set -l migdir $__gw_rootdir/prisma/migrations
    set -l written 0
    set -g __gw_applied
    set -g __gw_failed
    set -g __gw_tables
    set -g __gw_local
    if test -f $f
        while read -l kind name
            switch $kind
                case written
                    set written $name
                case migrations-dir
                    set migdir $name
                case applied
                    set -a __gw_applied $name
                case failed
                    set -a __gw_failed $name
                case table
                    set -a __gw_tables $name
            end
        end <$f
    end
    set -g __gw_local (string replace -r '^.*/([^/]+)/migration\.sql$' '$1' -- $migdir/*/migration.sql)
    string match -qr '^[0-9]+$' -- "$written"; or set written 0
    set -l ttl 30
    set -q GODWIT_COMPLETE_TTL; and set ttl $GODWIT_COMPLETE_TTL
    if not test -f $f; or test $f -ot $migdir; or test (math (date +%s) - $written) -gt $ttl
        __godwit_refresh
    end
end

# Asks godwit for a fresh cache in the background (one at a time); this TAB answers with what there is.
function __godwit_refresh
    set -l dir $__gw_rootdir/.godwit/complete
    mkdir -p $dir 2>/dev/null; or return 0
    if test -d $dir/.refreshing; and test -n "(find $dir/.refreshing -maxdepth 0 -mmin +2 2>/dev/null)"
        rmdir $dir/.refreshing 2>/dev/null
    end
    mkdir $dir/.refreshing 2>/dev/null; or return 0
    set -l envargs
    test -n "$__gw_env"; and set envargs --env $__gw_env
    sh -c '( "$@" >/dev/null 2>&1 </dev/null; rmdir "$0" 2>/dev/null ) &' $dir/.refreshing $__gw_prog __complete --refresh-cache --project $__gw_rootdir $envargs
end

function __godwit_offer
    set -l kind $argv[1]
    set -l cur $argv[2]
    switch $kind
        case none ''
            return 1
        case dir
            __fish_complete_directories $cur
            return 0
        case file
            __fish_complete_path $cur
            return 0
        case command
            printf '%s\t%s\n' $__godwit_commands
            return 0
        case 'words:*'
            string split , -- (string replace 'words:' '' -- $kind)
            return 0
    end
    __godwit_root; or return 1
    switch $kind
        case env
            __godwit_envs
        case source
            printf '%s\n' database migrations schema empty url: sql: schema: migrations:
            for e in (__godwit_envs)
                echo env:$e
            end
        case '*'
            __godwit_state
            switch $kind
                case failed
                    printf '%s\tfailed\n' $__gw_failed
                case table
                    printf '%s\n' $__gw_tables
                case migration
                    printf '%s\n' $__gw_local
                    for n in $__gw_applied
                        contains -- $n $__gw_local; or echo $n
                    end
                case notapplied rebase
                    for n in $__gw_local
                        contains -- $n $__gw_applied; and continue
                        test $kind = rebase; and contains -- $n $__gw_failed; and continue
                        echo $n
                    end
            end
    end
end

function __godwit_complete
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    set -l prev ''
    set -q tokens[2]; and set prev $tokens[-1]
    set -g __gw_project ''
    set -g __gw_env ''
    set -g __gw_prog $tokens[1]
    set -l cmd ''
    set -l npos 0
    __godwit_spec ''
    set -l i 2
    while set -q tokens[$i]
        set -l w $tokens[$i]
        set -l next (math $i + 1)
        if test "$w" = --project; and set -q tokens[$next]
            set -g __gw_project $tokens[$next]
            set i $next
        else if contains -- $w --env -e; and set -q tokens[$next]
            set -g __gw_env $tokens[$next]
            set i $next
        else if string match -q -- "* $w=*" "$__godwit_global_values"
            set i $next
        else if test -n "$cmd"; and string match -q -- "* $w=*" "$__gw_vopts"
            set i $next
        else if string match -q -- '-*' $w
            # a flag
        else if test -z "$cmd"
            set cmd $w
            __godwit_spec $cmd
        else
            set npos (math $npos + 1)
        end
        set i (math $i + 1)
    end
    # the value of the option before the cursor
    if string match -q -- '-*' $prev
        set -l kind ''
        for pair in (string split ' ' -- "$__godwit_global_values $__gw_vopts")
            set -l kv (string split -m1 = -- $pair)
            test "$kv[1]" = "$prev"; and set kind $kv[2]
        end
        if test -n "$kind"
            __godwit_offer $kind $cur
            return 0
        end
    end
    if test -z "$cmd"
        if string match -q -- '-*' $cur
            printf '%s\t%s\n' $__godwit_root_options
        else
            printf '%s\t%s\n' $__godwit_commands
        end
        return 0
    end
    if not string match -q -- '-*' $cur; and test -n "$__gw_pos"; and test $npos -lt $__gw_posmax
        set -l found (__godwit_offer $__gw_pos $cur)
        if test (count $found) -gt 0
            printf '%s\n' $found
            return 0
        end
        if test -n "$cur"; or test "$__gw_pos" != none
            return 0
        end
    end
    printf '%s\t%s\n' $__gw_opts
    # the options every command takes, when typed far enough to mean them
    if test (string length -- "$cur") -ge 3
        set -l own
        for j in (seq 1 2 (count $__gw_opts))
            set -a own $__gw_opts[$j]
        end
        if not string match -q -- "$cur*" $own
            printf '%s\t%s\n' $__godwit_root_options
        end
    end
end

complete -c godwit -f -a '(__godwit_complete)'
