# SPDX-License-Identifier: GPL-3.0-or-later
# Project-wide compile settings, applied per target so third-party code is never affected.
function(vsc_configure_target target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(VSC_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    # String-safety defines as in Zeal: no implicit const char* <-> QString/QUrl conversions.
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_TO_ASCII QT_RESTRICTED_CAST_FROM_ASCII QT_NO_URL_CAST_FROM_STRING QT_USE_QSTRINGBUILDER)
    if(VSC_COVERAGE)
        # Only services/ and models/ are measured (the coverage gate), so only they are instrumented: counters in
        # ui/, app/ and the tests cost a quarter of their compile time and slow every test run for nothing. Everything
        # links gcov's runtime, which the instrumented layers need.
        get_target_property(source_dir ${target} SOURCE_DIR)
        if(source_dir MATCHES "^${PROJECT_SOURCE_DIR}/(services|models)(/|$)")
            # Atomic counters: the importer and the webhook workers run on several threads, and racing counter
            # updates make gcov print negative percentages that gcovr cannot read.
            target_compile_options(${target} PRIVATE --coverage -fprofile-update=atomic -O0 -g)
        endif()
        target_link_options(${target} PRIVATE --coverage)
    endif()
    if(VSC_SANITIZE)
        get_target_property(source_dir ${target} SOURCE_DIR)
        if(VSC_LEAN_TEST_DRIVERS AND source_dir MATCHES "^${PROJECT_SOURCE_DIR}/tests(/|$)")
            # -g0 comes after CMAKE_CXX_FLAGS_DEBUG's -g on the command line, so it wins.
            target_compile_options(${target} PRIVATE -fsanitize=address -fno-omit-frame-pointer -g0)
        else()
            target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                     -fno-sanitize-recover=undefined)
            if(NOT VSC_UBSAN_NULL)
                target_compile_options(${target} PRIVATE -fno-sanitize=null)
            endif()
        endif()
        # Every program links both runtimes: the layers it loads are built with both.
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
endfunction()

# vsc_add_test(NAME name SOURCES ... LIBS ... LABELS ... [ENV ...] [ARGS ...])
# One executable per class under test (Zeal's zeal_add_test). A QSKIP in initTestCase counts as a skip,
# never a silent pass, so a missing server cannot hide.
function(vsc_add_test)
    cmake_parse_arguments(T "" "NAME;TARGET" "SOURCES;LIBS;LABELS;ENV;ARGS" ${ARGN})
    if(NOT T_TARGET)
        set(T_TARGET ${T_NAME})
    endif()
    if(NOT TARGET ${T_TARGET})
        add_executable(${T_TARGET} ${T_SOURCES})
        target_link_libraries(${T_TARGET} PRIVATE Qt6::Test ${T_LIBS})
        # The repository root (includes name their layer) and the generated testconfig.h.
        target_include_directories(${T_TARGET} PRIVATE ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}/tests)
        vsc_configure_target(${T_TARGET})
    endif()
    add_test(NAME ${T_NAME} COMMAND ${T_TARGET} ${T_ARGS})
    set_tests_properties(${T_NAME} PROPERTIES
        LABELS "${T_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=*.debug=false;${T_ENV}"
        SKIP_REGULAR_EXPRESSION "SKIP   : [A-Za-z_]+::initTestCase"
        TIMEOUT 300)
endfunction()
