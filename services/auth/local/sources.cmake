# SPDX-License-Identifier: GPL-3.0-or-later
# Local accounts: argon2id password hashes (libsodium), the password policy, lockout.
target_link_libraries(vsc_services PRIVATE PkgConfig::SODIUM)
target_sources(vsc_services PRIVATE
    auth/local/passwordhasher.h auth/local/passwordhasher.cpp
    auth/local/passwordpolicy.h auth/local/passwordpolicy.cpp
    auth/local/localsignin.h auth/local/localsignin.cpp
    storage/credentialrepository.h storage/credentialrepository.cpp)

# The password policy's common passwords: John the Ripper's password.lst (Solar Designer, 1996-2011; its header says
# "assumed to be in the public domain"), as Debian's john-data package ships it. Copied into the build tree at
# configure time and built in as a resource; nothing is downloaded and no copy lives in the repository.
set(VSC_COMMON_PASSWORDS_LIST /usr/share/john/password.lst
    CACHE FILEPATH "List of common passwords the password policy rejects (one a line; Debian: john-data)")
if(NOT EXISTS ${VSC_COMMON_PASSWORDS_LIST})
    message(FATAL_ERROR "${VSC_COMMON_PASSWORDS_LIST} is missing (the password policy's common passwords are built "
                        "in): apt install john-data, or run scripts/install-deps.sh")
endif()
configure_file(${VSC_COMMON_PASSWORDS_LIST} ${CMAKE_CURRENT_BINARY_DIR}/auth/common-passwords.lst COPYONLY)
qt_add_resources(vsc_services "common_passwords"
    PREFIX "/auth"
    BASE ${CMAKE_CURRENT_BINARY_DIR}/auth
    FILES ${CMAKE_CURRENT_BINARY_DIR}/auth/common-passwords.lst)
