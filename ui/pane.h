// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/result.h"
#include "models/text.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace vsc::ui {

// Base of the main window's panes: a title row and an error banner above the pane's own content.
class Pane : public QWidget
{
    Q_OBJECT
public:
    Pane(const QString &title, QWidget *parent = nullptr);

    // Reloads the pane from the database; called when it is shown and on the refresh timer.
    virtual void refresh() = 0;
    // Who is signed in: the pane shows and offers only what they may do (the services check it again).
    virtual void setActor(const Actor &actor) { m_actor = actor; }
    [[nodiscard]] const Actor &actor() const { return m_actor; }

Q_SIGNALS:
    void loadFailed(const vsc::Error &error);

protected:
    QVBoxLayout *contentLayout() const { return m_content; }
    // Shows or clears the banner; returns ok() so callers can write `if (!report(r)) return;`.
    bool report(const Error *error);
    template<typename T>
    bool report(const Result<T> &result)
    {
        return report(result.ok() ? nullptr : &result.error());
    }

private:
    Actor m_actor;
    QLabel *m_banner;
    QVBoxLayout *m_content;
};

QString userMessage(const Error &error); // translated text for an error code
// Who holds a campaign's dialing, as CampaignLease::processLabel names them ("console on vm (pid 12)"), in the
// user's language; another form (a label set by hand) as it is.
QString dialerLabelText(const QString &label);
// A service's text in the user's language (the "vsc" context of the .ts files); `fallback` (the service's English)
// when the service gave no Text.
QString translated(const Text &text, const QString &fallback = {});
// A push button tests can find by `objectName`; never a dialog's default button, so Enter in a text field does not
// press it.
QPushButton *namedButton(const QString &text, const QString &objectName, QWidget *parent);

} // namespace vsc::ui
