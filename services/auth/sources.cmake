# SPDX-License-Identifier: GPL-3.0-or-later
# Actors, the authorizer and the session: who is acting and what they may do.
# Paths are relative to services/ (target_sources in an included file resolves against services/CMakeLists.txt).
target_sources(vsc_services PRIVATE
    auth/authorizer.h auth/authorizer.cpp
    auth/actorresolver.h auth/actorresolver.cpp
    auth/session.h auth/session.cpp
    storage/accessrepository.h storage/accessrepository.cpp)
