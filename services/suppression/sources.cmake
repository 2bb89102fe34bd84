# SPDX-License-Identifier: GPL-3.0-or-later
# The do-not-call list (issue 11; paths relative to services/).
target_sources(vsc_services PRIVATE
    suppression/suppressionservice.h suppression/suppressionservice.cpp
    contacts/phonenumber.h contacts/phonenumber.cpp
    storage/resultsrepository.h storage/resultsrepository.cpp
    results/csvwriter.h results/csvwriter.cpp
    results/resultsexporter.h results/resultsexporter.cpp)
# Results exports: XLSX through libxlsxwriter, SPSS .sav through ReadStat (both Debian packages).
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
find_library(READSTAT_LIBRARY readstat REQUIRED)
find_path(READSTAT_INCLUDE_DIR readstat.h REQUIRED)
target_include_directories(vsc_services SYSTEM PRIVATE ${READSTAT_INCLUDE_DIR})
target_link_libraries(vsc_services PRIVATE PkgConfig::XLSXWRITER ${READSTAT_LIBRARY})
