# SPDX-License-Identifier: GPL-3.0-or-later
# Entry points for people: each checks the actor's permission (paths relative to services/).
target_sources(vsc_services PRIVATE
    calls/callsupervision.h calls/callsupervision.cpp
    results/resultsservice.h results/resultsservice.cpp
    campaigns/campaignservice.h campaigns/campaignservice.cpp)
