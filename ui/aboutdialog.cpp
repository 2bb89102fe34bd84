// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/aboutdialog.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace vsc::ui {

AboutDialog::AboutDialog(const QString &backendDescription, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About VoiceSurvey Console"));
    auto *text = new QLabel(this);
    text->setObjectName(QStringLiteral("aboutTextLabel"));
    text->setTextFormat(Qt::RichText);
    text->setText(tr("<h2>VoiceSurvey Console %1</h2>"
                     "<p>Automated outbound voice surveys over Twilio.</p>"
                     "<p>Built with Qt %2 (running on Qt %3).</p>"
                     "<p>Database: %4</p>")
                      .arg(QCoreApplication::applicationVersion(), QStringLiteral(QT_VERSION_STR),
                           QString::fromLatin1(qVersion()), backendDescription.toHtmlEscaped()));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(buttons);
}

} // namespace vsc::ui
