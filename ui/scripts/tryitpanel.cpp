// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/scripts/tryitpanel.h"

#include "services/telephony/twiml.h"
#include "ui/pane.h"

#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QXmlStreamReader>

namespace vsc::ui {

using namespace services::dialogue;
namespace telephony = services::telephony;

namespace {

// Never requested: Try it only shows the URL a real call would carry.
const QUrl kActionUrl(QStringLiteral("https://console.invalid/twilio/gather?attempt=try"));

// The compact TwiML, one element a line, for reading.
QString indented(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    QString out;
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    writer.setAutoFormattingIndent(2);
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isWhitespace()) {
            writer.writeCurrentToken(reader);
        }
    }
    return out.trimmed();
}

} // namespace

TryItPanel::TryItPanel(QWidget *parent)
    : QWidget(parent), m_language(new QComboBox(this)),
      m_restart(namedButton(tr("Restart"), QStringLiteral("tryRestartButton"), this)),
      m_transcript(new QTextBrowser(this)), m_twiml(new QPlainTextEdit(this)), m_answers(new QTableWidget(this)),
      m_speech(new QLineEdit(this)), m_confidence(new QSlider(Qt::Horizontal, this)),
      m_confidenceLabel(new QLabel(this)), m_say(namedButton(tr("Say"), QStringLiteral("trySayButton"), this)),
      m_keysShown(new QLineEdit(this)),
      m_sendKeys(namedButton(tr("Send keys"), QStringLiteral("trySendKeysButton"), this)),
      m_silence(namedButton(tr("Silence"), QStringLiteral("trySilenceButton"), this)),
      m_record(namedButton(tr("Record 5 s"), QStringLiteral("tryRecordButton"), this)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("tryItPanel"));
    m_language->setObjectName(QStringLiteral("tryLanguageCombo"));
    m_language->setToolTip(tr("The caller's language: picks the script's variant as a contact's language does"));
    m_transcript->setObjectName(QStringLiteral("tryTranscript"));
    m_transcript->setPlaceholderText(tr("What the caller hears appears here."));
    m_twiml->setObjectName(QStringLiteral("tryTwiml"));
    m_twiml->setReadOnly(true);
    m_twiml->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_twiml->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_twiml->setFont(QFont(QStringLiteral("monospace")));
    m_twiml->setPlaceholderText(tr("The TwiML of the latest turn."));
    m_answers->setObjectName(QStringLiteral("tryAnswersTable"));
    m_answers->setColumnCount(4);
    m_answers->setHorizontalHeaderLabels({tr("Question"), tr("Stored value"), tr("Heard"), tr("Then")});
    m_answers->verticalHeader()->hide();
    m_answers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_answers->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_answers->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_answers->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_answers->setWordWrap(true);
    m_answers->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_speech->setObjectName(QStringLiteral("trySpeechEdit"));
    m_speech->setPlaceholderText(tr("Type what the caller says, then press Enter"));
    m_confidence->setObjectName(QStringLiteral("tryConfidenceSlider"));
    m_confidence->setRange(0, 100);
    m_confidence->setValue(90);
    m_confidence->setToolTip(tr("Speech recognition confidence; below the script's threshold the answer is confirmed"));
    m_confidenceLabel->setMinimumWidth(36);
    m_keysShown->setObjectName(QStringLiteral("tryKeysShown"));
    m_keysShown->setReadOnly(true);
    m_keysShown->setPlaceholderText(tr("keys"));
    m_keysShown->setMaximumWidth(110);
    m_status->setObjectName(QStringLiteral("tryStatusLabel"));
    m_status->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Caller's language:"), this));
    top->addWidget(m_language, 1);
    top->addWidget(m_restart);

    auto *speechRow = new QHBoxLayout;
    speechRow->addWidget(m_speech, 1);
    speechRow->addWidget(new QLabel(tr("Confidence:"), this));
    speechRow->addWidget(m_confidence);
    speechRow->addWidget(m_confidenceLabel);
    speechRow->addWidget(m_say);

    auto *keypad = new QGridLayout;
    const QStringList keys{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
                           QStringLiteral("5"), QStringLiteral("6"), QStringLiteral("7"), QStringLiteral("8"),
                           QStringLiteral("9"), QStringLiteral("*"), QStringLiteral("0"), QStringLiteral("#")};
    for (int i = 0; i < keys.size(); ++i) {
        const QString &key = keys.at(i);
        const QString name = key == QLatin1String("*")   ? QStringLiteral("Star")
                             : key == QLatin1String("#") ? QStringLiteral("Hash")
                                                         : key;
        QPushButton *b = namedButton(key, QStringLiteral("tryKey") + name, this);
        b->setFixedSize(44, 36);
        connect(b, &QPushButton::clicked, this, [this, key] { pressKey(key); });
        keypad->addWidget(b, i / 3, i % 3);
        m_keys.append(b);
    }
    auto *keypadColumn = new QVBoxLayout;
    keypadColumn->addLayout(keypad);
    keypadColumn->addWidget(m_keysShown);
    keypadColumn->addWidget(m_sendKeys);
    keypadColumn->addWidget(m_silence);
    keypadColumn->addWidget(m_record);
    keypadColumn->addStretch();

    auto *callerBox = new QGroupBox(tr("The caller"), this);
    auto *callerLayout = new QVBoxLayout(callerBox);
    callerLayout->addLayout(speechRow);
    auto *heard = new QSplitter(Qt::Vertical, this);
    heard->addWidget(m_transcript);
    heard->addWidget(m_answers);
    heard->setStretchFactor(0, 3);
    heard->setStretchFactor(1, 2);
    auto *middle = new QHBoxLayout;
    middle->addWidget(heard, 1);
    middle->addLayout(keypadColumn);
    callerLayout->addLayout(middle, 1);
    callerLayout->addWidget(m_status);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(callerBox);
    auto *twimlBox = new QGroupBox(tr("TwiML of this turn"), this);
    auto *twimlLayout = new QVBoxLayout(twimlBox);
    twimlLayout->addWidget(m_twiml);
    split->addWidget(twimlBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(m_restart, &QPushButton::clicked, this, &TryItPanel::restart);
    connect(m_language, &QComboBox::currentIndexChanged, this, &TryItPanel::restart);
    connect(m_say, &QPushButton::clicked, this, [this] { say(m_speech->text(), m_confidence->value() / 100.0); });
    connect(m_speech, &QLineEdit::returnPressed, m_say, &QPushButton::click);
    connect(m_confidence, &QSlider::valueChanged, this,
            [this](int value) { m_confidenceLabel->setText(QLocale().toString(value / 100.0, 'f', 2)); });
    m_confidenceLabel->setText(QLocale().toString(m_confidence->value() / 100.0, 'f', 2));
    connect(m_sendKeys, &QPushButton::clicked, this, &TryItPanel::sendKeys);
    connect(m_silence, &QPushButton::clicked, this, &TryItPanel::silence);
    connect(m_record, &QPushButton::clicked, this, &TryItPanel::record);
    updateInputs();
}

void TryItPanel::setScript(const Script &script)
{
    m_source = script;
    const QString current = m_language->currentData().toString();
    const QSignalBlocker blocker(m_language);
    m_language->clear();
    m_language->addItem(tr("%1 (the script's own)").arg(script.language), QString());
    for (const ScriptVariant &v : script.variants) {
        m_language->addItem(v.language, v.language);
    }
    m_language->setCurrentIndex(qMax(0, m_language->findData(current)));
    restart();
}

QString TryItPanel::transcriptText() const
{
    return m_transcript->toPlainText();
}

void TryItPanel::restart()
{
    m_script = m_source.forLanguage(m_language->currentData().toString());
    m_state = {};
    m_pendingKeys.clear();
    m_transcript->clear();
    m_answers->setRowCount(0);
    if (m_script.questions.isEmpty()) {
        m_twiml->clear();
        m_listening.reset();
        m_recording = false;
        m_status->setText(tr("Add a question to try the script."));
        updateInputs();
        return;
    }
    apply(DialogueEngine::start(m_script, kActionUrl), {});
}

void TryItPanel::say(const QString &speech, double confidence)
{
    if (m_state.phase == DialogueState::Phase::Finished || m_state.phase == DialogueState::Phase::NotStarted) {
        return;
    }
    const QString text = speech.trimmed();
    m_speech->clear();
    apply(DialogueEngine::step(m_script, m_state, CallerInput::said(text, confidence), kActionUrl),
          tr("says \"%1\" (confidence %2)").arg(text).arg(confidence, 0, 'f', 2));
}

void TryItPanel::pressKey(const QString &key)
{
    if (!m_listening || !m_listening->input.contains(QLatin1String("dtmf"))) {
        return;
    }
    // As Twilio gathers: up to numDigits keys, or until the finish key.
    const bool finishes = m_listening->finishOnKey && *m_listening->finishOnKey == key;
    m_pendingKeys += key;
    m_keysShown->setText(m_pendingKeys);
    if (finishes || (m_listening->numDigits && m_pendingKeys.size() >= *m_listening->numDigits)) {
        sendKeys();
    }
}

void TryItPanel::sendKeys()
{
    if (m_pendingKeys.isEmpty() || m_state.phase == DialogueState::Phase::Finished) {
        return;
    }
    const QString pressed = m_pendingKeys;
    QString digits = pressed;
    m_pendingKeys.clear();
    m_keysShown->clear();
    if (m_listening && m_listening->finishOnKey && digits.endsWith(*m_listening->finishOnKey)) {
        digits.chop(1); // Twilio does not report the finish key
    }
    apply(DialogueEngine::step(m_script, m_state, CallerInput::keys(digits), kActionUrl),
          tr("presses %1").arg(pressed));
}

void TryItPanel::silence()
{
    if (m_state.phase == DialogueState::Phase::Finished || m_state.phase == DialogueState::Phase::NotStarted) {
        return;
    }
    m_pendingKeys.clear();
    m_keysShown->clear();
    apply(DialogueEngine::step(m_script, m_state, CallerInput::noInput(), kActionUrl), tr("says nothing"));
}

void TryItPanel::record()
{
    if (!m_recording) {
        return;
    }
    apply(DialogueEngine::step(m_script, m_state,
                               CallerInput::recorded(QStringLiteral("https://console.invalid/recording.wav"), 5),
                               kActionUrl),
          tr("records 5 seconds"));
}

QString TryItPanel::branchTaken(int question, const AnswerRecord &answer, const DialogueState &after) const
{
    if (question < 0 || question >= m_script.questions.size()) {
        return {};
    }
    const ScriptQuestion &q = m_script.questions.at(question);
    QString where =
        after.phase == DialogueState::Phase::Finished ? tr("end") : m_script.questions.value(after.question).id;
    if (!answer.skipped) {
        for (int b = 0; b < q.branches.size(); ++b) {
            if (q.branches.at(b).matches(answer.value)) {
                return tr("branch %1 → %2").arg(b + 1).arg(where);
            }
        }
    }
    return tr("next → %1").arg(where);
}

void TryItPanel::apply(const Turn &turn, const QString &heard)
{
    const int asked = m_state.question;
    if (!heard.isEmpty()) {
        m_transcript->append(QStringLiteral("<p style='color:#2e6b30'><b>%1</b> %2</p>")
                                 .arg(tr("Caller").toHtmlEscaped(), heard.toHtmlEscaped()));
    }
    if (turn.answer) {
        const AnswerRecord &a = *turn.answer;
        const int row = m_answers->rowCount();
        m_answers->insertRow(row);
        const QString raw = !a.rawDigits.isEmpty() ? tr("keys %1").arg(a.rawDigits)
                            : !a.rawSpeech.isEmpty()
                                ? tr("\"%1\" @%2").arg(a.rawSpeech).arg(a.confidence.value_or(0), 0, 'f', 2)
                                : QString();
        const QStringList cells{a.questionId, a.skipped ? tr("(skipped)") : a.value, raw,
                                branchTaken(asked, a, turn.state)};
        for (int c = 0; c < cells.size(); ++c) {
            m_answers->setItem(row, c, new QTableWidgetItem(cells.at(c)));
        }
        m_answers->scrollToBottom();
    }
    m_state = turn.state;
    showTurn(turn);
    if (turn.optedOut) {
        m_status->setText(tr("The caller opted out: a real call would put the number on the do-not-call list."));
    } else if (turn.finished) {
        m_status->setText(m_state.completed ? tr("The survey is complete. Restart to try again.")
                                            : tr("The call ended early. Restart to try again."));
    } else if (m_state.phase == DialogueState::Phase::Confirming) {
        m_status->setText(tr("Confidence below the threshold: the caller is asked to confirm."));
    } else {
        const ScriptQuestion &q = m_script.questions.at(m_state.question);
        m_status->setText(tr("Asking '%1' (%2)%3")
                              .arg(q.id, questionTypeKey(q.type))
                              .arg(m_state.attempts > 0 ? tr(", reprompt %1").arg(m_state.attempts) : QString()));
    }
    updateInputs();
}

void TryItPanel::showTurn(const Turn &turn)
{
    m_listening.reset();
    m_recording = false;
    QStringList said;
    const auto sayLine = [&said](const telephony::Say &s) {
        said << QStringLiteral("<p><b>%1</b> <span style='color:gray'>(%2, %3)</span><br>%4</p>")
                    .arg(tr("Console").toHtmlEscaped(), s.voice.toHtmlEscaped(), s.language.toHtmlEscaped(),
                         s.text.toHtmlEscaped());
    };
    for (const telephony::Verb &verb : turn.twiml.verbs) {
        if (const auto *s = std::get_if<telephony::Say>(&verb)) {
            sayLine(*s);
        } else if (const auto *gather = std::get_if<telephony::Gather>(&verb)) {
            for (const auto &prompt : gather->prompts) {
                if (const auto *nested = std::get_if<telephony::Say>(&prompt)) {
                    sayLine(*nested);
                }
            }
            m_listening = *gather;
        } else if (std::holds_alternative<telephony::Record>(verb)) {
            m_recording = true;
        } else if (std::holds_alternative<telephony::Hangup>(verb)) {
            said << QStringLiteral("<p style='color:gray'><i>%1</i></p>").arg(tr("hangs up").toHtmlEscaped());
        }
    }
    for (const QString &line : std::as_const(said)) {
        m_transcript->append(line);
    }
    m_twiml->setPlainText(indented(telephony::toXml(turn.twiml)));
}

void TryItPanel::updateInputs()
{
    const bool live =
        m_state.phase != DialogueState::Phase::Finished && m_state.phase != DialogueState::Phase::NotStarted;
    const bool keys = live && m_listening && m_listening->input.contains(QLatin1String("dtmf"));
    const bool speech = live && m_listening && m_listening->input.contains(QLatin1String("speech"));
    for (QPushButton *b : std::as_const(m_keys)) {
        b->setEnabled(keys);
    }
    m_sendKeys->setEnabled(keys);
    m_speech->setEnabled(speech);
    m_say->setEnabled(speech);
    m_confidence->setEnabled(speech);
    m_silence->setEnabled(live);
    m_record->setEnabled(live && m_recording);
}

} // namespace vsc::ui
