# SPDX-License-Identifier: GPL-3.0-or-later
# Local accounts: argon2id password hashes (libsodium), the password policy, lockout.
target_link_libraries(vsc_services PRIVATE PkgConfig::SODIUM)
target_sources(vsc_services PRIVATE
    auth/local/passwordhasher.h auth/local/passwordhasher.cpp)
