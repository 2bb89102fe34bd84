# SPDX-License-Identifier: GPL-3.0-or-later
# German complete and current: no unfinished, empty or obsolete message, placeholders and accelerators kept, and
# lupdate over the sources (into a copy) finds nothing the .ts files lack.
find_program(VSC_SYSTEM_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
add_test(NAME tst_translations
         COMMAND ${VSC_SYSTEM_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/i18n/check_translations.py ${PROJECT_SOURCE_DIR}
                 $<TARGET_FILE:Qt6::lupdate>)
set_tests_properties(tst_translations PROPERTIES LABELS unit)

# The window in German (gui): no English text on any pane; the .qm files come from the app's lrelease step.
vsc_add_test(NAME tst_german_sqlite TARGET tst_german SOURCES gui/tst_german.cpp LIBS vsc_ui vsc_test_support
             LABELS gui ENV "VSC_TEST_BACKEND=sqlite")
target_compile_definitions(tst_german PRIVATE VSC_QM_DIR="${PROJECT_BINARY_DIR}/app"
                                              VSC_TS_DE="${PROJECT_SOURCE_DIR}/translations/vsc_de.ts")
add_dependencies(tst_german voicesurvey-console_lrelease)
