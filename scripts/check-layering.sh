#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The layering gate (scripts/test.sh runs it first). Checks a source tree, by default this repository:
#   scripts/check-layering.sh [TREE]
# Rules (docs/ARCHITECTURE.md):
#   - every project include names its layer from the repository root: "models/result.h", "services/storage/sql.h";
#   - dependencies point one way: app -> ui -> {models, services}; services -> models; models -> QtCore only;
#   - services/ and models/ include no QtGui or QtWidgets header and link neither; models/ links QtCore only;
#   - ui/ and app/ include no QtSql header nor storage's SQL helpers, and ui/ links no Qt6::Sql: all SQL lives in
#     services/storage/;
#   - outside services/storage/, services/ includes no QtSql header and no storage internals (sql.h).
# Qt's own header lists decide which class belongs to which module, so a new QtGui class cannot slip through.
set -uo pipefail
tree=${1:-$(cd "$(dirname "$0")/.." && pwd -P)}
cd "$tree" || exit 2

qt_include_dir()
{
    local d
    for d in /usr/include/x86_64-linux-gnu/qt6 /usr/include/aarch64-linux-gnu/qt6 /usr/include/qt6; do
        [[ -d "$d/QtCore" ]] && {
            echo "$d"
            return 0
        }
    done
    return 1
}
QT_INC=$(qt_include_dir) || {
    echo "layering: Qt 6 headers not found (apt install qt6-base-dev)" >&2
    exit 2
}

# "QBrush|QColor|...": the class headers of one Qt module, plus the module's own name.
module_classes()
{
    (
        echo "Qt$1"
        find "$QT_INC/Qt$1" -maxdepth 1 -type f -name 'Q*' ! -name '*.h' -printf '%f\n'
    ) | sort -u | paste -sd'|'
}
gui_re=$(module_classes Gui)
widgets_re=$(module_classes Widgets)
sql_re=$(module_classes Sql)
[[ -n "$gui_re" && -n "$widgets_re" && -n "$sql_re" ]] || {
    echo "layering: cannot list Qt's module headers under $QT_INC" >&2
    exit 2
}

failures=0
fail()
{
    printf 'layering: %s\n' "$*" >&2
    failures=$((failures + 1))
}

sources()
{
    find "$@" \( -name 'build*' -o -name node_modules \) -prune -o -type f \( -name '*.h' -o -name '*.cpp' \) -print \
        2>/dev/null | sort
}

# Angle-bracket Qt includes of a module: <QBrush>, <QtGui/QBrush>, <QtGui>, <qbrush.h> is not used here.
check_qt_includes()
{
    local what=$1 re=$2
    shift 2
    local hits
    hits=$(sources "$@" | xargs -r grep -nE "^\s*#\s*include\s*<(Qt[A-Za-z]+/)?($re)>") && fail "$what:"$'\n'"$hits"
}
check_qt_includes "QtGui or QtWidgets header in services/ or models/ (move that code to ui/)" \
    "$gui_re|$widgets_re" services models
check_qt_includes "QtSql header in ui/ or app/ (SQL lives in services/storage/)" "$sql_re" ui app
storage_outsiders=$(sources services | grep -v '^services/storage/')
if [[ -n "$storage_outsiders" ]]; then
    hits=$(xargs -r grep -nE "^\s*#\s*include\s*<(QtSql/)?($sql_re)>" <<<"$storage_outsiders") &&
        fail "QtSql header in services/ outside services/storage/ (put the query behind a repository):"$'\n'"$hits"
    hits=$(xargs -r grep -nE '^\s*#\s*include\s*"services/storage/sql\.h"' <<<"$storage_outsiders") &&
        fail "storage internals (sql.h) used outside services/storage/:"$'\n'"$hits"
fi

hits=$(sources ui app | xargs -r grep -nE '^\s*#\s*include\s*"services/storage/(sql|transaction)\.h"') &&
    fail "SQL helpers used in ui/ or app/ (ask a repository or a service):"$'\n'"$hits"

# Project includes: name the layer, and only the layers this one may depend on.
check_project_includes()
{
    local layer=$1 allowed=$2
    local file line inc
    while IFS= read -r file; do
        while IFS=: read -r line inc; do
            inc=${inc#*\"}
            inc=${inc%%\"*}
            case "$inc" in
            *.moc | testconfig.h | ui_*.h) continue ;;
            esac
            local top=${inc%%/*}
            if [[ "$inc" != */* || ! "$top" =~ ^(models|services|ui|app|tests)$ ]]; then
                fail "$file:$line: #include \"$inc\" does not name its layer (write \"<layer>/...\" from the root)"
            elif [[ ! " $allowed " =~ " $top " ]]; then
                fail "$file:$line: $layer/ may not include $top/ (\"$inc\"): dependencies point app -> ui -> {models, services}, services -> models"
            fi
        done < <(grep -nE '^\s*#\s*include\s*"' "$file" | cut -d: -f1,2-)
    done < <(sources "$layer")
}
check_project_includes models "models"
check_project_includes services "models services"
check_project_includes ui "models services ui"
check_project_includes app "models services ui app"
check_project_includes tests "models services ui app tests"
check_project_includes bench "models services ui app tests"

# Links, from the CMakeLists (comments stripped: they say "never Widgets" in prose).
links_of()
{
    [[ -f "$1" ]] || {
        fail "$1 is missing"
        return
    }
    sed 's/#.*//' "$1"
}
links_of services/CMakeLists.txt | grep -nE 'Qt6::(Gui|Widgets|Charts)|vsc_ui|vsc_app' >&2 &&
    fail "services/CMakeLists.txt links QtGui, QtWidgets or a layer above it"
links_of models/CMakeLists.txt | tr '\n' ' ' | grep -oE 'target_link_libraries\([^)]*\)' |
    grep -oE 'Qt6::[A-Za-z]+|vsc_[a-z_]+' | grep -vE '^(Qt6::Core|vsc_models)$' >&2 &&
    fail "models/CMakeLists.txt links more than Qt6::Core"
links_of ui/CMakeLists.txt | grep -nE 'Qt6::Sql' >&2 && fail "ui/CMakeLists.txt links Qt6::Sql (SQL lives in services/storage/)"

if ((failures > 0)); then
    echo "layering: $failures problem(s) in $tree" >&2
    exit 1
fi
echo "OK: layered includes; no QtGui/QtWidgets in services/ or models/, no QtSql outside services/storage/"
