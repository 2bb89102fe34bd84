# SPDX-License-Identifier: GPL-3.0-or-later
# The shared settings for those who may change them (paths relative to services/).
target_sources(vsc_services PRIVATE settings/settingsservice.h settings/settingsservice.cpp
    storage/settingsrepository.h storage/settingsrepository.cpp)
# What the Twilio and the e-mail settings share: values, keychain secrets, problems, audited saving.
target_sources(vsc_services PRIVATE settings/secretsettings.h settings/secretsettings.cpp)
# How the console reaches Twilio, its secrets in the keychain, and "test connection".
target_sources(vsc_services PRIVATE settings/twiliosettings.h settings/twiliosettings.cpp)
# How the console sends e-mailed reports; the password in the keychain.
target_sources(vsc_services PRIVATE settings/mailsettings.h settings/mailsettings.cpp)
