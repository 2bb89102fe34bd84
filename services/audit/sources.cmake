# SPDX-License-Identifier: GPL-3.0-or-later
# The audit log for its readers (paths relative to services/).
target_sources(vsc_services PRIVATE audit/auditservice.h audit/auditservice.cpp)
