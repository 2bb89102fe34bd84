// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/dialogue/engine.h"
#include "services/dialogue/script.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSlider;
class QTableWidget;
class QTextBrowser;

namespace vsc::ui {

// "Try it": walks a script exactly as a call would, through the same DialogueEngine, with nothing stored. The user
// types speech (with a confidence), presses keypad keys or stays silent; the panel shows what the caller would hear,
// each turn's TwiML, and every answer as it would be stored with the branch it took.
class TryItPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit TryItPanel(QWidget *parent = nullptr);

    // The script to walk (the languages picker offers its variants); restarts.
    void setScript(const services::dialogue::Script &script);
    [[nodiscard]] const services::dialogue::DialogueState &state() const { return m_state; }
    [[nodiscard]] QString transcriptText() const;

public Q_SLOTS:
    void restart();
    void say(const QString &speech, double confidence);
    void pressKey(const QString &key);
    void sendKeys();
    void silence();
    void record();

private:
    void apply(const services::dialogue::Turn &turn, const QString &heard);
    void showTurn(const services::dialogue::Turn &turn);
    void updateInputs();
    [[nodiscard]] QString branchTaken(int question, const services::dialogue::AnswerRecord &answer,
                                      const services::dialogue::DialogueState &after) const;

    services::dialogue::Script m_source; // as edited, with its variants
    services::dialogue::Script m_script; // as the chosen language's caller hears it
    services::dialogue::DialogueState m_state;
    std::optional<services::telephony::Gather> m_listening; // the current prompt's gather, if it gathers
    bool m_recording = false;
    QString m_pendingKeys;
    QComboBox *m_language;
    QPushButton *m_restart;
    QTextBrowser *m_transcript;
    QPlainTextEdit *m_twiml;
    QTableWidget *m_answers;
    QLineEdit *m_speech;
    QSlider *m_confidence;
    QLabel *m_confidenceLabel;
    QPushButton *m_say;
    QLineEdit *m_keysShown;
    QList<QPushButton *> m_keys;
    QPushButton *m_sendKeys;
    QPushButton *m_silence;
    QPushButton *m_record;
    QLabel *m_status;
};

} // namespace vsc::ui
