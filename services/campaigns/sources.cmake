# SPDX-License-Identifier: GPL-3.0-or-later
# The campaign editor's rules (issue 11): validation, the JSON form, the compliance preview (paths relative to services/).
target_sources(vsc_services PRIVATE
    campaigns/campaignvalidation.h campaigns/campaignvalidation.cpp
    campaigns/campaignjson.h campaigns/campaignjson.cpp
    campaigns/compliancepreview.h campaigns/compliancepreview.cpp)
