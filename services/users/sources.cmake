# SPDX-License-Identifier: GPL-3.0-or-later
# User and role management for admins (paths relative to services/).
target_sources(vsc_services PRIVATE users/userservice.h users/userservice.cpp)
