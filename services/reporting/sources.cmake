# SPDX-License-Identifier: GPL-3.0-or-later
# The dashboard's figures (issue 12): AAPOR dispositions and rates, KPIs per selection.
# Paths are relative to services/ (target_sources in an included file resolves against services/CMakeLists.txt).
target_sources(vsc_services PRIVATE
    reporting/aapor.h reporting/aapor.cpp
    reporting/dashboardservice.h reporting/dashboardservice.cpp)
