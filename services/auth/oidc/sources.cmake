# SPDX-License-Identifier: GPL-3.0-or-later
# OpenID Connect sign-in (authorization code + PKCE, ID token checks, refresh), on QNetworkAccessManager and OpenSSL.
target_sources(vsc_services PRIVATE
    auth/oidc/random.h auth/oidc/random.cpp
    auth/oidc/providermetadata.h auth/oidc/providermetadata.cpp
    auth/oidc/jwk.h auth/oidc/jwk.cpp
    auth/oidc/idtokenverifier.h auth/oidc/idtokenverifier.cpp
    auth/oidc/loopbacklistener.h auth/oidc/loopbacklistener.cpp
    auth/oidc/roleclaims.h auth/oidc/roleclaims.cpp
    auth/oidc/authorizationrequest.h auth/oidc/authorizationrequest.cpp
    auth/oidc/oidcclient.h auth/oidc/oidcclient.cpp
    auth/oidc/oidcsettings.h auth/oidc/oidcsettings.cpp
    auth/oidc/oidcsignin.h auth/oidc/oidcsignin.cpp
    storage/oidcuserrepository.h storage/oidcuserrepository.cpp)
