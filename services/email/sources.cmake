# SPDX-License-Identifier: GPL-3.0-or-later
# E-mail over SMTP with libcurl (paths relative to services/).
target_sources(vsc_services PRIVATE
    email/mailmessage.h
    email/smtpsender.h email/smtpsender.cpp)
target_link_libraries(vsc_services PRIVATE PkgConfig::LIBCURL)
# The campaign reports and daily summaries, and their bookkeeping (0011_mail_reports).
target_sources(vsc_services PRIVATE
    email/reportmailer.h email/reportmailer.cpp
    storage/mailreportrepository.h storage/mailreportrepository.cpp)
