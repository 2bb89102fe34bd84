# SPDX-License-Identifier: GPL-3.0-or-later
# OpenID Connect sign-in (authorization code + PKCE, ID token checks, refresh), on QNetworkAccessManager and OpenSSL.
