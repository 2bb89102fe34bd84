// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/campaigns/campaigneditordialog.h"

#include "services/auth/session.h"
#include "services/campaigns/campaignjson.h"
#include "services/campaigns/campaignservice.h"
#include "services/campaigns/campaignvalidation.h"
#include "services/clock.h"
#include "services/dialer/campaigndialer.h"
#include "ui/consoleservices.h"
#include "ui/dialogs.h"
#include "ui/pane.h"
#include "ui/widgets/tones.h"

#include <QAction>
#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStyle>
#include <QTableWidget>
#include <QTabWidget>
#include <QTimeEdit>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

#include <vector>

namespace vsc::ui {

namespace field = services::campaigns::field;
using services::campaigns::CampaignService;
using services::campaigns::CompliancePreview;
using services::campaigns::PreviewCategory;

// One recorded edit: the whole campaign as the fields were before and after. Consecutive edits of one field merge
// until that field's editing finishes, so Ctrl+Z takes back a typed word, not a letter.
class CampaignEditorDialog::FieldEdit final : public QUndoCommand
{
public:
    FieldEdit(CampaignEditorDialog &dialog, QString fieldName, Campaign before, Campaign after, bool mergeable)
        : m_dialog(dialog), m_field(std::move(fieldName)), m_before(std::move(before)), m_after(std::move(after)),
          m_mergeable(mergeable)
    {
        setText(m_field);
    }
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const FieldEdit *>(other);
        if (!next->m_mergeable || next->m_field != m_field) {
            return false;
        }
        m_after = next->m_after;
        return true;
    }
    void undo() override { m_dialog.apply(m_before); }
    void redo() override
    {
        if (m_pushed) {
            m_dialog.apply(m_after);
        }
        m_pushed = true; // the first redo is the push: the fields already show it
    }

private:
    CampaignEditorDialog &m_dialog;
    QString m_field;
    Campaign m_before;
    Campaign m_after;
    bool m_mergeable;
    bool m_pushed = false;
};

namespace {

// Seconds per unit of the delay combos.
const QList<std::pair<QString, int>> &delayUnits()
{
    static const QList<std::pair<QString, int>> units{{QObject::tr("seconds"), 1},
                                                      {QObject::tr("minutes"), 60},
                                                      {QObject::tr("hours"), 3600},
                                                      {QObject::tr("days"), 86400}};
    return units;
}

QString outcomeLabel(const QString &outcome)
{
    if (outcome == QLatin1String("busy")) {
        return CampaignEditorDialog::tr("Busy");
    }
    if (outcome == QLatin1String("no-answer")) {
        return CampaignEditorDialog::tr("No answer");
    }
    if (outcome == QLatin1String("failed")) {
        return CampaignEditorDialog::tr("Failed");
    }
    return CampaignEditorDialog::tr("Answering machine");
}

// The delay the dialer uses for an outcome the campaign does not set (its own fallback, not a copy of it).
int dialerDefaultDelay(const QString &outcome)
{
    if (outcome == QLatin1String("busy")) {
        return services::dialer::retryDelaySeconds({}, CallStatus::Busy, false, false);
    }
    if (outcome == QLatin1String("no-answer")) {
        return services::dialer::retryDelaySeconds({}, CallStatus::NoAnswer, false, false);
    }
    if (outcome == QLatin1String("failed")) {
        return services::dialer::retryDelaySeconds({}, CallStatus::Failed, false, false);
    }
    return services::dialer::retryDelaySeconds({}, CallStatus::Completed, true, false);
}

QString objectKey(const QString &outcome)
{
    QString key = outcome;
    key.remove(u'-');
    return key;
}

} // namespace

CampaignEditorDialog::CampaignEditorDialog(ConsoleServices &services, std::optional<qint64> campaignId, QWidget *parent)
    : QDialog(parent), m_services(services), m_ownDialogs(std::make_unique<SystemDialogs>()), m_campaignId(campaignId),
      m_undo(new QUndoStack(this)), m_tabs(new QTabWidget(this)), m_previewLabel(new QLabel(this)),
      m_refreshPreview(new QPushButton(tr("Refresh"), this)), m_statusLabel(new QLabel(this)),
      m_saveButton(new QPushButton(tr("Save"), this)), m_closeButton(new QPushButton(tr("Close"), this))
{
    m_dialogs = m_ownDialogs.get();
    setObjectName(QStringLiteral("campaignEditorDialog"));
    setWindowTitle(campaignId ? tr("Edit campaign[*]") : tr("New campaign[*]"));
    m_tabs->setObjectName(QStringLiteral("campaignEditorTabs"));
    m_tabs->addTab(buildDetails(), tr("Details"));
    m_tabs->addTab(buildWindow(), tr("Calling window"));
    m_tabs->addTab(buildPacing(), tr("Pacing"));
    m_tabs->addTab(buildRetries(), tr("Retries"));
    m_tabs->addTab(buildQuotas(), tr("Quotas"));
    m_tabs->addTab(buildMachine(), tr("Answering machine"));

    auto *previewBox = new QGroupBox(tr("Compliance preview"), this);
    previewBox->setObjectName(QStringLiteral("compliancePreviewGroup"));
    auto *previewLayout = new QHBoxLayout(previewBox);
    m_previewLabel->setObjectName(QStringLiteral("compliancePreviewLabel"));
    m_previewLabel->setWordWrap(true);
    m_previewLabel->setTextFormat(Qt::PlainText);
    m_refreshPreview->setObjectName(QStringLiteral("refreshPreviewButton"));
    m_refreshPreview->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    previewLayout->addWidget(m_previewLabel, 1);
    previewLayout->addWidget(m_refreshPreview);
    connect(m_refreshPreview, &QPushButton::clicked, this, &CampaignEditorDialog::refreshPreview);

    m_statusLabel->setObjectName(QStringLiteral("editorStatusLabel"));
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setWordWrap(true);
    m_saveButton->setObjectName(QStringLiteral("saveCampaignButton"));
    m_saveButton->setDefault(true);
    m_closeButton->setObjectName(QStringLiteral("closeEditorButton"));
    auto *undoButton = new QPushButton(style()->standardIcon(QStyle::SP_ArrowBack), tr("Undo"), this);
    auto *redoButton = new QPushButton(style()->standardIcon(QStyle::SP_ArrowForward), tr("Redo"), this);
    undoButton->setObjectName(QStringLiteral("undoButton"));
    redoButton->setObjectName(QStringLiteral("redoButton"));
    undoButton->setToolTip(tr("Undo the last change (Ctrl+Z)"));
    redoButton->setToolTip(tr("Redo (Ctrl+Shift+Z)"));
    connect(undoButton, &QPushButton::clicked, m_undo, &QUndoStack::undo);
    connect(redoButton, &QPushButton::clicked, m_undo, &QUndoStack::redo);
    connect(m_undo, &QUndoStack::canUndoChanged, undoButton, &QPushButton::setEnabled);
    connect(m_undo, &QUndoStack::canRedoChanged, redoButton, &QPushButton::setEnabled);
    undoButton->setEnabled(false);
    redoButton->setEnabled(false);
    QAction *undo = m_undo->createUndoAction(this);
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undo->createRedoAction(this);
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    addAction(undo);
    addAction(redo);
    connect(m_undo, &QUndoStack::cleanChanged, this, [this] { validate(); });
    connect(m_saveButton, &QPushButton::clicked, this, &CampaignEditorDialog::save);
    connect(m_closeButton, &QPushButton::clicked, this, &CampaignEditorDialog::reject);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(undoButton);
    buttons->addWidget(redoButton);
    buttons->addWidget(m_statusLabel, 1);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_closeButton);
    m_lockedNote = new QLabel(this);
    m_lockedNote->setObjectName(QStringLiteral("lockedNoteLabel"));
    m_lockedNote->setWordWrap(true);
    m_lockedNote->setTextFormat(Qt::PlainText);
    m_lockedNote->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_lockedNote);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(previewBox);
    layout->addLayout(buttons);

    reloadScripts();
    Campaign initial;
    if (m_campaignId) {
        auto stored = CampaignService(m_services.database).campaign(m_services.session.actor(), *m_campaignId);
        if (stored) {
            initial = stored.value();
        } else {
            m_statusLabel->setText(userMessage(stored.error()));
            m_campaignId.reset();
        }
    }
    load(initial);
    // Our undo stack, not each line edit's own, answers Ctrl+Z: see eventFilter.
    for (QWidget *child : findChildren<QWidget *>()) {
        child->installEventFilter(this);
    }
    refreshPreview();
    resize(760, 600);
}

CampaignEditorDialog::~CampaignEditorDialog()
{
    // The stack and the fields go with the dialog: nothing they say then is an edit to validate.
    m_undo->disconnect(this);
    for (QObject *child : findChildren<QObject *>()) {
        child->disconnect(this);
    }
}

void CampaignEditorDialog::setDialogs(Dialogs *dialogs)
{
    m_dialogs = dialogs ? dialogs : m_ownDialogs.get();
}

QLabel *CampaignEditorDialog::errorLabel(const QString &fieldName, const QString &objectName)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, toneColour(Tone::Bad, palette));
    label->setPalette(palette);
    label->hide();
    m_errors.insert(fieldName, label);
    return label;
}

QWidget *CampaignEditorDialog::buildDetails()
{
    auto *page = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    pageLayout->addLayout(form);
    pageLayout->addStretch(1); // rows keep their height; the space goes below them
    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("campaignNameEdit"));
    m_name->setPlaceholderText(tr("e.g. Customer satisfaction, spring"));
    m_description = new QPlainTextEdit(page);
    m_description->setObjectName(QStringLiteral("campaignDescriptionEdit"));
    m_description->setMaximumHeight(70);
    m_callerId = new QLineEdit(page);
    m_callerId->setObjectName(QStringLiteral("callerIdEdit"));
    m_callerId->setPlaceholderText(QStringLiteral("+14155550100"));
    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->setEditable(true);
    m_language->addItems({QStringLiteral("en-US"), QStringLiteral("en-GB"), QStringLiteral("de-DE"),
                          QStringLiteral("es-US"), QStringLiteral("es-ES"), QStringLiteral("fr-FR"),
                          QStringLiteral("it-IT"), QStringLiteral("pt-BR"), QStringLiteral("nl-NL")});
    m_voice = new QComboBox(page);
    m_voice->setObjectName(QStringLiteral("voiceCombo"));
    m_voice->setEditable(true);
    m_voice->addItems({QStringLiteral("Polly.Joanna"), QStringLiteral("Polly.Matthew"), QStringLiteral("Polly.Amy"),
                       QStringLiteral("Polly.Vicki"), QStringLiteral("Polly.Hans"), QStringLiteral("Polly.Lupe"),
                       QStringLiteral("Polly.Celine"), QStringLiteral("alice")});
    m_script = new QComboBox(page);
    m_script->setObjectName(QStringLiteral("scriptCombo"));
    m_editScript = new QPushButton(tr("Edit script…"), page);
    m_editScript->setObjectName(QStringLiteral("editScriptButton"));
    auto *scriptRow = new QHBoxLayout;
    scriptRow->addWidget(m_script, 1);
    scriptRow->addWidget(m_editScript);

    auto row = [&](const QString &label, QWidget *widget, QLayout *layout, const QString &fieldName,
                   const QString &errorName) {
        auto *box = new QVBoxLayout;
        box->setSpacing(2);
        if (layout) {
            box->addLayout(layout);
        } else {
            box->addWidget(widget);
        }
        box->addWidget(errorLabel(fieldName, errorName));
        form->addRow(label, box);
        m_fieldWidgets.insert(fieldName, widget);
    };
    row(tr("Name:"), m_name, nullptr, field::name, QStringLiteral("nameError"));
    row(tr("Description:"), m_description, nullptr, field::description, QStringLiteral("descriptionError"));
    row(tr("Caller ID:"), m_callerId, nullptr, field::callerId, QStringLiteral("callerIdError"));
    row(tr("Language:"), m_language, nullptr, field::language, QStringLiteral("languageError"));
    row(tr("Voice:"), m_voice, nullptr, field::voice, QStringLiteral("voiceError"));
    row(tr("Script:"), m_script, scriptRow, field::scriptVersion, QStringLiteral("scriptError"));
    m_reportRecipients = new QLineEdit(page);
    m_reportRecipients->setObjectName(QStringLiteral("reportRecipientsEdit"));
    m_reportRecipients->setPlaceholderText(tr("e-mail addresses, comma-separated (Settings → E-mail sends them)"));
    m_dailySummary = new QCheckBox(tr("Also a daily summary"), page);
    m_dailySummary->setObjectName(QStringLiteral("dailySummaryCheckBox"));
    row(tr("Reports to:"), m_reportRecipients, nullptr, field::reportRecipients,
        QStringLiteral("reportRecipientsError"));
    row(QString(), m_dailySummary, nullptr, field::dailySummary, QStringLiteral("dailySummaryError"));
    connect(m_reportRecipients, &QLineEdit::textEdited, this, [this] { edited(field::reportRecipients); });
    connect(m_dailySummary, &QCheckBox::toggled, this, [this] { edited(field::dailySummary); });

    connect(m_name, &QLineEdit::textEdited, this, [this] { edited(field::name); });
    connect(m_name, &QLineEdit::editingFinished, this, &CampaignEditorDialog::closeMerge);
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] { edited(field::description); });
    connect(m_callerId, &QLineEdit::textEdited, this, [this] { edited(field::callerId); });
    connect(m_callerId, &QLineEdit::editingFinished, this, &CampaignEditorDialog::closeMerge);
    connect(m_language, &QComboBox::currentTextChanged, this, [this] { edited(field::language); });
    connect(m_voice, &QComboBox::currentTextChanged, this, [this] { edited(field::voice); });
    connect(m_script, &QComboBox::currentIndexChanged, this, [this] {
        closeMerge();
        edited(field::scriptVersion);
    });
    connect(m_editScript, &QPushButton::clicked, this,
            [this] { Q_EMIT editScriptRequested(m_script->currentData().toLongLong()); });
    return page;
}

QWidget *CampaignEditorDialog::buildWindow()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    m_windowStart = new QTimeEdit(page);
    m_windowStart->setObjectName(QStringLiteral("windowStartEdit"));
    m_windowStart->setDisplayFormat(QStringLiteral("HH:mm"));
    m_windowEnd = new QTimeEdit(page);
    m_windowEnd->setObjectName(QStringLiteral("windowEndEdit"));
    m_windowEnd->setDisplayFormat(QStringLiteral("HH:mm"));
    m_windowEnd->setToolTip(tr("00:00 means the end of the day"));
    form->addRow(tr("Calls from (contact's local time):"), m_windowStart);
    form->addRow(QString(), errorLabel(field::windowStart, QStringLiteral("windowStartError")));
    form->addRow(tr("Until (exclusive; 00:00 = midnight):"), m_windowEnd);
    form->addRow(QString(), errorLabel(field::windowEnd, QStringLiteral("windowEndError")));
    layout->addLayout(form);
    m_fieldWidgets.insert(field::windowStart, m_windowStart);
    m_fieldWidgets.insert(field::windowEnd, m_windowEnd);
    connect(m_windowStart, &QTimeEdit::timeChanged, this, [this] { edited(field::windowStart); });
    connect(m_windowEnd, &QTimeEdit::timeChanged, this, [this] { edited(field::windowEnd); });

    auto *days = new QGroupBox(tr("Never call on"), page);
    auto *daysLayout = new QHBoxLayout(days);
    for (int d = 1; d <= 7; ++d) {
        auto *box = new QCheckBox(QLocale().dayName(d, QLocale::ShortFormat), days);
        box->setObjectName(QStringLiteral("blockedWeekday%1Check").arg(d));
        daysLayout->addWidget(box);
        m_weekdays.append(box);
        connect(box, &QCheckBox::toggled, this, [this] {
            closeMerge();
            edited(field::blockedWeekdays);
        });
    }
    daysLayout->addStretch(1);
    m_fieldWidgets.insert(field::blockedWeekdays, days);
    layout->addWidget(days);
    layout->addWidget(errorLabel(field::blockedWeekdays, QStringLiteral("blockedWeekdaysError")));

    auto *dates = new QGroupBox(tr("Blocked dates (holidays, in the contact's calendar)"), page);
    auto *datesLayout = new QHBoxLayout(dates);
    m_blockedDates = new QListWidget(dates);
    m_blockedDates->setObjectName(QStringLiteral("blockedDatesList"));
    m_blockedDate = new QDateEdit(QDate::currentDate(), dates);
    m_blockedDate->setObjectName(QStringLiteral("blockedDateEdit"));
    m_blockedDate->setCalendarPopup(true);
    m_blockedDate->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_addDate = new QPushButton(tr("Add"), dates);
    m_addDate->setObjectName(QStringLiteral("addBlockedDateButton"));
    m_removeDate = new QPushButton(tr("Remove"), dates);
    m_removeDate->setObjectName(QStringLiteral("removeBlockedDateButton"));
    auto *dateButtons = new QVBoxLayout;
    dateButtons->addWidget(m_blockedDate);
    dateButtons->addWidget(m_addDate);
    dateButtons->addWidget(m_removeDate);
    dateButtons->addStretch(1);
    datesLayout->addWidget(m_blockedDates, 1);
    datesLayout->addLayout(dateButtons);
    m_fieldWidgets.insert(field::blockedDates, dates);
    layout->addWidget(dates, 1);
    layout->addWidget(errorLabel(field::blockedDates, QStringLiteral("blockedDatesError")));
    connect(m_addDate, &QPushButton::clicked, this, [this] {
        const QString date = m_blockedDate->date().toString(Qt::ISODate);
        if (m_blockedDates->findItems(date, Qt::MatchExactly).isEmpty()) {
            m_blockedDates->addItem(date);
            m_blockedDates->sortItems();
            closeMerge();
            edited(field::blockedDates);
        }
    });
    connect(m_removeDate, &QPushButton::clicked, this, [this] {
        const QList<QListWidgetItem *> selected = m_blockedDates->selectedItems();
        if (!selected.isEmpty()) {
            delete selected.constFirst();
            closeMerge();
            edited(field::blockedDates);
        }
    });
    return page;
}

QWidget *CampaignEditorDialog::buildPacing()
{
    auto *page = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    pageLayout->addLayout(form);
    pageLayout->addStretch(1);
    m_callsPerSecond = new QDoubleSpinBox(page);
    m_callsPerSecond->setObjectName(QStringLiteral("callsPerSecondSpin"));
    m_callsPerSecond->setRange(0, 1000);
    m_callsPerSecond->setDecimals(2);
    m_callsPerSecond->setSingleStep(0.5);
    m_callsPerSecond->setSuffix(tr(" calls/s"));
    m_callsPerSecond->setToolTip(tr("Twilio accounts start at 1 call per second; ask Twilio to raise it first."));
    m_concurrent = new QSpinBox(page);
    m_concurrent->setObjectName(QStringLiteral("concurrentCallsSpin"));
    m_concurrent->setRange(0, 100000);
    form->addRow(tr("Calls per second:"), m_callsPerSecond);
    form->addRow(QString(), errorLabel(field::callsPerSecond, QStringLiteral("callsPerSecondError")));
    form->addRow(tr("Concurrent calls at most:"), m_concurrent);
    form->addRow(QString(), errorLabel(field::maxConcurrentCalls, QStringLiteral("concurrentCallsError")));
    m_fieldWidgets.insert(field::callsPerSecond, m_callsPerSecond);
    m_fieldWidgets.insert(field::maxConcurrentCalls, m_concurrent);
    connect(m_callsPerSecond, &QDoubleSpinBox::valueChanged, this, [this] { edited(field::callsPerSecond); });
    connect(m_concurrent, &QSpinBox::valueChanged, this, [this] { edited(field::maxConcurrentCalls); });
    return page;
}

QWidget *CampaignEditorDialog::buildRetries()
{
    auto *page = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    pageLayout->addLayout(form);
    pageLayout->addStretch(1);
    m_maxAttempts = new QSpinBox(page);
    m_maxAttempts->setObjectName(QStringLiteral("maxAttemptsSpin"));
    m_maxAttempts->setRange(0, 100);
    form->addRow(tr("Attempts per contact at most:"), m_maxAttempts);
    form->addRow(QString(), errorLabel(field::maxAttempts, QStringLiteral("maxAttemptsError")));
    m_fieldWidgets.insert(field::maxAttempts, m_maxAttempts);
    connect(m_maxAttempts, &QSpinBox::valueChanged, this, [this] { edited(field::maxAttempts); });
    auto *heading = new QLabel(tr("Wait before calling again after:"), page);
    form->addRow(heading);
    for (const QString &outcome : services::campaigns::retryOutcomes()) {
        auto *amount = new QSpinBox(page);
        amount->setObjectName(QStringLiteral("%1DelaySpin").arg(objectKey(outcome)));
        amount->setRange(0, 1000000);
        auto *unit = new QComboBox(page);
        unit->setObjectName(QStringLiteral("%1DelayUnitCombo").arg(objectKey(outcome)));
        for (const auto &[name, seconds] : delayUnits()) {
            unit->addItem(name, seconds);
        }
        m_delays.insert(outcome, {amount, unit});
        const QString fieldName = field::retryDelays + u'.' + outcome;
        connect(amount, &QSpinBox::valueChanged, this, [this, fieldName] { edited(fieldName); });
        connect(unit, &QComboBox::currentIndexChanged, this, [this, fieldName] {
            closeMerge();
            edited(fieldName);
        });
        if (outcome == QLatin1String("machine")) {
            continue; // on the Answering machine tab
        }
        auto *rowLayout = new QHBoxLayout;
        rowLayout->addWidget(amount);
        rowLayout->addWidget(unit);
        rowLayout->addStretch(1);
        form->addRow(outcomeLabel(outcome) + u':', rowLayout);
        form->addRow(QString(), errorLabel(fieldName, QStringLiteral("%1DelayError").arg(objectKey(outcome))));
    }
    form->addRow(errorLabel(field::retryDelays, QStringLiteral("retryDelaysError")));
    return page;
}

QWidget *CampaignEditorDialog::buildQuotas()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *help = new QLabel(tr("Completed interviews wanted per cell: contacts whose cell is full are not called. "
                               "The field is one of the contacts' imported columns."),
                            page);
    help->setWordWrap(true);
    layout->addWidget(help);
    m_quotas = new QTableWidget(0, 3, page);
    m_quotas->setObjectName(QStringLiteral("quotasTable"));
    m_quotas->setHorizontalHeaderLabels({tr("Contact field"), tr("Value"), tr("Target")});
    m_quotas->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_quotas->verticalHeader()->hide();
    layout->addWidget(m_quotas, 1);
    auto *buttons = new QHBoxLayout;
    m_addQuota = new QPushButton(tr("Add cell"), page);
    m_addQuota->setObjectName(QStringLiteral("addQuotaButton"));
    m_removeQuota = new QPushButton(tr("Remove cell"), page);
    m_removeQuota->setObjectName(QStringLiteral("removeQuotaButton"));
    buttons->addWidget(m_addQuota);
    buttons->addWidget(m_removeQuota);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addWidget(errorLabel(field::quotas, QStringLiteral("quotasError")));
    m_fieldWidgets.insert(field::quotas, m_quotas);
    connect(m_quotas, &QTableWidget::itemChanged, this, [this] {
        closeMerge();
        edited(field::quotas);
    });
    connect(m_addQuota, &QPushButton::clicked, this, [this] {
        const QSignalBlocker blocker(m_quotas);
        const int row = m_quotas->rowCount();
        m_quotas->insertRow(row);
        for (int column = 0; column < 3; ++column) {
            m_quotas->setItem(row, column, new QTableWidgetItem(column == 2 ? QStringLiteral("0") : QString()));
        }
        m_quotas->setCurrentCell(row, 0);
        closeMerge();
        edited(field::quotas);
    });
    connect(m_removeQuota, &QPushButton::clicked, this, [this] {
        if (m_quotas->currentRow() >= 0) {
            m_quotas->removeRow(m_quotas->currentRow());
            closeMerge();
            edited(field::quotas);
        }
    });
    return page;
}

QWidget *CampaignEditorDialog::buildMachine()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *help = new QLabel(tr("When an answering machine picks up (Twilio's machine detection, or the simulated "
                               "carrier):"),
                            page);
    help->setWordWrap(true);
    layout->addWidget(help);
    m_hangUp = new QRadioButton(tr("Hang up"), page);
    m_hangUp->setObjectName(QStringLiteral("machineHangUpRadio"));
    m_leaveMessage = new QRadioButton(tr("Leave a message, then hang up"), page);
    m_leaveMessage->setObjectName(QStringLiteral("machineLeaveMessageRadio"));
    auto *group = new QButtonGroup(page);
    group->addButton(m_hangUp);
    group->addButton(m_leaveMessage);
    m_machineMessage = new QPlainTextEdit(page);
    m_machineMessage->setObjectName(QStringLiteral("machineMessageEdit"));
    m_machineMessage->setMaximumHeight(110);
    m_machineMessage->setPlaceholderText(tr("e.g. Hello, this is Acme Research calling about a short survey. We will "
                                            "try again another time."));
    layout->addWidget(m_hangUp);
    layout->addWidget(m_leaveMessage);
    layout->addWidget(m_machineMessage);
    layout->addWidget(errorLabel(field::machineMessage, QStringLiteral("machineMessageError")));
    auto *retry = new QHBoxLayout;
    retry->addWidget(new QLabel(tr("Call again after:"), page));
    const auto [amount, unit] = m_delays.value(QStringLiteral("machine"));
    retry->addWidget(amount);
    retry->addWidget(unit);
    retry->addStretch(1);
    layout->addLayout(retry);
    layout->addWidget(errorLabel(field::retryDelays + QStringLiteral(".machine"), QStringLiteral("machineDelayError")));
    layout->addStretch(1);
    m_fieldWidgets.insert(field::machineAction, m_hangUp);
    m_fieldWidgets.insert(field::machineMessage, m_machineMessage);
    connect(group, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool checked) {
        if (checked) {
            closeMerge();
            edited(field::machineAction);
        }
    });
    connect(m_machineMessage, &QPlainTextEdit::textChanged, this, [this] { edited(field::machineMessage); });
    return page;
}

void CampaignEditorDialog::reloadScripts(qint64 selectVersionId)
{
    const qint64 keep = selectVersionId != 0 ? selectVersionId : m_script->currentData().toLongLong();
    const QSignalBlocker blocker(m_script);
    m_script->clear();
    m_script->addItem(tr("(no script yet)"), qint64(0));
    auto versions = CampaignService(m_services.database).scriptVersions(m_services.session.actor());
    if (versions) {
        for (const ScriptVersionChoice &v : versions.value()) {
            m_script->addItem(tr("%1, version %2 (%3)").arg(v.scriptName).arg(v.version).arg(v.language), v.versionId);
        }
    }
    const int index = m_script->findData(keep);
    m_script->setCurrentIndex(index < 0 ? 0 : index);
    if (selectVersionId != 0 && !m_applying) {
        closeMerge();
        edited(field::scriptVersion);
    }
}

void CampaignEditorDialog::load(const Campaign &campaign)
{
    m_stored = campaign;
    apply(campaign);
    m_current = this->campaign();
    m_undo->clear();
    m_undo->setClean();
    lockFields();
    validate();
}

void CampaignEditorDialog::apply(const Campaign &c)
{
    m_applying = true;
    std::vector<QSignalBlocker> blockers;
    const QList<QWidget *> children = findChildren<QWidget *>();
    blockers.reserve(std::size_t(children.size()));
    for (QWidget *child : children) {
        blockers.emplace_back(child);
    }
    m_name->setText(c.name);
    m_description->setPlainText(c.description);
    m_callerId->setText(c.callerId);
    m_language->setCurrentText(c.language);
    m_voice->setCurrentText(c.voice);
    m_reportRecipients->setText(c.reportRecipients);
    m_dailySummary->setChecked(c.dailySummary);
    const int script = m_script->findData(c.scriptVersionId.value_or(0));
    m_script->setCurrentIndex(script < 0 ? 0 : script);
    m_windowStart->setTime(c.windowStart);
    m_windowEnd->setTime(c.windowEnd);
    const QStringList days = c.blockedWeekdays.split(u',', Qt::SkipEmptyParts);
    for (int d = 1; d <= 7; ++d) {
        m_weekdays.at(d - 1)->setChecked(days.contains(QString::number(d)));
    }
    m_blockedDates->clear();
    for (const QString &date : c.blockedDates.split(u',', Qt::SkipEmptyParts)) {
        m_blockedDates->addItem(date.trimmed());
    }
    m_callsPerSecond->setValue(c.callsPerSecond);
    m_concurrent->setValue(c.maxConcurrentCalls);
    m_maxAttempts->setValue(c.maxAttempts);
    for (auto it = m_delays.cbegin(); it != m_delays.cend(); ++it) {
        const QVariant stored = c.retryPolicy.value(it.key());
        const qint64 seconds = stored.isValid() ? stored.toLongLong() : dialerDefaultDelay(it.key());
        QSpinBox *amount = it.value().first;
        QComboBox *unit = it.value().second;
        int unitIndex = 0;
        for (int i = int(delayUnits().size()) - 1; i >= 0; --i) {
            if (seconds % delayUnits().at(i).second == 0 && seconds > 0) {
                unitIndex = i;
                break;
            }
        }
        unit->setCurrentIndex(unitIndex);
        amount->setValue(int(seconds / delayUnits().at(unitIndex).second));
    }
    m_quotas->setRowCount(0);
    for (auto f = c.quotas.cbegin(); f != c.quotas.cend(); ++f) {
        const QVariantMap cells = f.value().toMap();
        for (auto cell = cells.cbegin(); cell != cells.cend(); ++cell) {
            const int row = m_quotas->rowCount();
            m_quotas->insertRow(row);
            m_quotas->setItem(row, 0, new QTableWidgetItem(f.key()));
            m_quotas->setItem(row, 1, new QTableWidgetItem(cell.key()));
            m_quotas->setItem(row, 2, new QTableWidgetItem(cell.value().toString()));
        }
    }
    m_hangUp->setChecked(c.machineAction == MachineAction::HangUp);
    m_leaveMessage->setChecked(c.machineAction == MachineAction::LeaveMessage);
    m_machineMessage->setPlainText(c.machineMessage);
    blockers.clear();
    m_machineMessage->setEnabled(c.machineAction == MachineAction::LeaveMessage);
    m_current = c;
    m_applying = false;
    lockFields();
    validate();
}

Campaign CampaignEditorDialog::campaign() const
{
    Campaign c = m_stored;
    c.name = m_name->text();
    c.description = m_description->toPlainText();
    c.callerId = m_callerId->text();
    c.language = m_language->currentText();
    c.voice = m_voice->currentText();
    QStringList recipients = m_reportRecipients->text().split(u',', Qt::SkipEmptyParts);
    for (QString &recipient : recipients) {
        recipient = recipient.trimmed();
    }
    c.reportRecipients = recipients.join(u',');
    c.dailySummary = m_dailySummary->isChecked();
    const qint64 script = m_script->currentData().toLongLong();
    c.scriptVersionId = script > 0 ? std::optional<qint64>(script) : std::nullopt;
    c.windowStart = m_windowStart->time();
    c.windowEnd = m_windowEnd->time();
    QStringList days;
    for (int d = 1; d <= 7; ++d) {
        if (m_weekdays.at(d - 1)->isChecked()) {
            days << QString::number(d);
        }
    }
    c.blockedWeekdays = days.join(u',');
    QStringList dates;
    for (int i = 0; i < m_blockedDates->count(); ++i) {
        dates << m_blockedDates->item(i)->text();
    }
    c.blockedDates = dates.join(u',');
    c.callsPerSecond = m_callsPerSecond->value();
    c.maxConcurrentCalls = m_concurrent->value();
    c.maxAttempts = m_maxAttempts->value();
    QVariantMap policy = m_stored.retryPolicy; // keeps outcomes the editor does not show ("incomplete")
    for (auto it = m_delays.cbegin(); it != m_delays.cend(); ++it) {
        const qint64 seconds = qint64(it.value().first->value()) * it.value().second->currentData().toInt();
        // An outcome the campaign leaves to the dialer's default stays unset until someone changes it.
        if (policy.contains(it.key()) || seconds != dialerDefaultDelay(it.key())) {
            policy.insert(it.key(), seconds);
        }
    }
    c.retryPolicy = policy;
    c.quotas = quotasFromTable(nullptr);
    c.machineAction = m_leaveMessage->isChecked() ? MachineAction::LeaveMessage : MachineAction::HangUp;
    c.machineMessage = m_machineMessage->toPlainText();
    return c;
}

QVariantMap CampaignEditorDialog::quotasFromTable(QList<FieldProblem> *problems) const
{
    QVariantMap quotas;
    auto text = [this](int row, int column) {
        const QTableWidgetItem *item = m_quotas->item(row, column);
        return item ? item->text().trimmed() : QString();
    };
    for (int row = 0; row < m_quotas->rowCount(); ++row) {
        const QString fieldName = text(row, 0);
        const QString value = text(row, 1);
        bool ok = false;
        const int target = text(row, 2).toInt(&ok);
        if (problems) {
            if (fieldName.isEmpty()) {
                problems->append(
                    {field::quotas, tr("row %1: enter the contact field the cell counts by").arg(row + 1)});
            } else if (value.isEmpty()) {
                problems->append(
                    {field::quotas, tr("row %1: enter the value of %2 this cell counts").arg(row + 1).arg(fieldName)});
            } else if (!ok || target < 0) {
                problems->append(
                    {field::quotas, tr("row %1: the target must be a whole number, 0 or more").arg(row + 1)});
            } else if (quotas.value(fieldName).toMap().contains(value)) {
                problems->append(
                    {field::quotas, tr("row %1: %2 = %3 is listed twice").arg(row + 1).arg(fieldName, value)});
            }
        }
        if (fieldName.isEmpty() || value.isEmpty()) {
            continue;
        }
        QVariantMap cells = quotas.value(fieldName).toMap();
        cells.insert(value, ok ? QVariant(target) : QVariant(text(row, 2)));
        quotas.insert(fieldName, cells);
    }
    return quotas;
}

void CampaignEditorDialog::edited(const QString &fieldName)
{
    if (m_applying) {
        return;
    }
    const Campaign now = campaign();
    const bool mergeable = m_mergeOpen && m_lastField == fieldName;
    m_undo->push(new FieldEdit(*this, fieldName, m_current, now, mergeable));
    m_current = now;
    m_lastField = fieldName;
    m_mergeOpen = true;
    m_machineMessage->setEnabled(m_leaveMessage->isChecked());
    validate();
}

void CampaignEditorDialog::validate()
{
    Campaign c = campaign();
    QList<FieldProblem> problems;
    (void)quotasFromTable(&problems);
    auto checked = CampaignService(m_services.database).validate(c);
    if (checked) {
        problems += checked.value();
    } else {
        m_statusLabel->setText(userMessage(checked.error()));
    }
    if (m_campaignId) {
        problems += services::campaigns::lockedFieldProblems(m_stored, c);
    }
    m_problems = problems;
    // Each problem next to its field: the exact name, or the nearest section that has a label.
    QHash<QLabel *, QStringList> messages;
    for (const FieldProblem &p : std::as_const(problems)) {
        QString key = p.field;
        while (!m_errors.contains(key) && key.contains(u'.')) {
            key = key.left(key.lastIndexOf(u'.'));
        }
        if (QLabel *label = m_errors.value(key, m_errors.value(field::quotas))) {
            const QString message = translated(p.text, p.message);
            messages[label] << (key == p.field || p.field.startsWith(field::quotas)
                                    ? message
                                    : p.field + QStringLiteral(": ") + message);
        }
    }
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    QSet<int> tabsWithProblems;
    for (QLabel *label : std::as_const(m_errors)) {
        const QStringList text = messages.value(label);
        label->setVisible(!text.isEmpty());
        label->setText(text.isEmpty() ? QString() : QStringLiteral("⚠ ") + text.join(QStringLiteral("\n⚠ ")));
        label->setToolTip(text.join(u'\n'));
        if (!text.isEmpty()) {
            for (int i = 0; i < m_tabs->count(); ++i) {
                if (m_tabs->widget(i)->isAncestorOf(label)) {
                    tabsWithProblems.insert(i);
                }
            }
        }
    }
    // The field itself carries the message too, and a red frame, so the tooltip says what to fix.
    for (auto it = m_fieldWidgets.cbegin(); it != m_fieldWidgets.cend(); ++it) {
        const QLabel *label = m_errors.value(it.key());
        const bool bad = label && !label->text().isEmpty();
        if (auto *edit = qobject_cast<QLineEdit *>(it.value())) {
            edit->setStyleSheet(bad ? QStringLiteral("QLineEdit { border: 1px solid %1; }")
                                          .arg(toneColour(Tone::Bad, edit->palette()).name())
                                    : QString());
        }
        if (label) {
            it.value()->setToolTip(bad ? label->toolTip() : QString());
        }
    }
    for (int i = 0; i < m_tabs->count(); ++i) {
        m_tabs->setTabIcon(i, tabsWithProblems.contains(i) ? warning : QIcon());
    }
    const bool modified = isModified();
    m_saveButton->setEnabled(problems.isEmpty() && (modified || !m_campaignId) &&
                             m_services.session.actor().has(Permission::CampaignEdit));
    if (!problems.isEmpty()) {
        m_statusLabel->setText(tr("%n problem(s) to fix before saving.", nullptr, int(problems.size())));
    } else if (modified) {
        m_statusLabel->setText(tr("Unsaved changes."));
    } else {
        m_statusLabel->setText(m_campaignId ? tr("Saved.") : QString());
    }
    setWindowModified(modified);
}

void CampaignEditorDialog::lockFields()
{
    const bool mayEdit = m_services.session.actor().has(Permission::CampaignEdit);
    for (auto it = m_fieldWidgets.cbegin(); it != m_fieldWidgets.cend(); ++it) {
        const bool editable = mayEdit && (!m_campaignId || services::campaigns::isEditable(m_stored.status, it.key()));
        it.value()->setEnabled(editable);
        if (!editable) {
            it.value()->setToolTip(tr("A %1 campaign keeps this setting.").arg(campaignStatusKey(m_stored.status)));
        }
    }
    const bool scriptEditable = !m_campaignId || services::campaigns::isEditable(m_stored.status, field::scriptVersion);
    if (m_campaignId && m_stored.status == CampaignStatus::Stopped) {
        m_lockedNote->setText(tr("This campaign is stopped: only its name and description can change. Duplicate it "
                                 "to run it again with other settings."));
    } else if (!scriptEditable) {
        m_lockedNote->setText(tr("This campaign is %1: its caller ID, language, voice and script stay as the calls "
                                 "in flight use them. Everything else can change and applies to the next calls.")
                                  .arg(campaignStatusKey(m_stored.status)));
    }
    if (!mayEdit) {
        m_lockedNote->setText(tr("You can look at this campaign; changing it needs the campaign.edit permission."));
    }
    m_lockedNote->setVisible(!scriptEditable || !mayEdit);
    m_editScript->setEnabled(scriptEditable && mayEdit);
    m_machineMessage->setEnabled(m_machineMessage->isEnabled() && m_leaveMessage->isChecked());
}

bool CampaignEditorDialog::isModified() const
{
    return !services::campaigns::changedFields(m_stored, campaign()).second.isEmpty();
}

bool CampaignEditorDialog::save()
{
    validate();
    if (!m_problems.isEmpty()) {
        m_dialogs->inform(this, QMessageBox::Warning, tr("Campaign"),
                          tr("Fix these first:\n%1").arg(CampaignService::problemsText(m_problems)));
        return false;
    }
    CampaignService service(m_services.database);
    const Actor &actor = m_services.session.actor();
    Campaign c = campaign();
    if (m_campaignId) {
        if (auto updated = service.update(actor, c); !updated) {
            m_dialogs->inform(this, QMessageBox::Warning, tr("Campaign"), userMessage(updated.error()));
            return false;
        }
    } else {
        auto created = service.create(actor, c);
        if (!created) {
            m_dialogs->inform(this, QMessageBox::Warning, tr("Campaign"), userMessage(created.error()));
            return false;
        }
        m_campaignId = created.value();
        setWindowTitle(tr("Edit campaign[*]"));
    }
    auto stored = service.campaign(actor, *m_campaignId);
    m_stored = stored ? stored.value() : c;
    m_current = campaign();
    m_undo->setClean();
    validate();
    refreshPreview();
    Q_EMIT saved(*m_campaignId);
    return true;
}

void CampaignEditorDialog::reject()
{
    if (isModified()) {
        const auto answer = m_dialogs->ask(
            this, tr("Unsaved changes"), tr("Save the changes to \"%1\" before closing?").arg(m_name->text()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel) {
            return;
        }
        if (answer == QMessageBox::Save && !save()) {
            return;
        }
    }
    QDialog::reject();
}

bool CampaignEditorDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const QKeyCombination combination = key->keyCombination();
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo) ||
            combination == QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_Z)) {
            return true; // not the widget's own undo: the dialog's shortcut runs
        }
    }
    return QDialog::eventFilter(watched, event);
}

QString CampaignEditorDialog::previewText(const CompliancePreview &p)
{
    const QLocale locale;
    auto n = [&](PreviewCategory c) { return locale.toString(p.count(c)); };
    QStringList parts{tr("%1 dialable now").arg(n(PreviewCategory::DialableNow))};
    auto add = [&](PreviewCategory c, const QString &text) {
        if (p.count(c) > 0) {
            parts << text;
        }
    };
    add(PreviewCategory::OutsideWindow, p.windowOpensAt.isValid()
                                            ? tr("%1 outside their window until %2 local")
                                                  .arg(n(PreviewCategory::OutsideWindow),
                                                       CompliancePreview::localTime(p.windowOpensAt, p.windowOpensZone))
                                            : tr("%1 outside their window").arg(n(PreviewCategory::OutsideWindow)));
    add(PreviewCategory::BlockedDay, tr("%1 on a blocked day").arg(n(PreviewCategory::BlockedDay)));
    add(PreviewCategory::Suppressed, tr("%1 suppressed").arg(n(PreviewCategory::Suppressed)));
    add(PreviewCategory::AtCap, tr("%1 at the cap").arg(n(PreviewCategory::AtCap)));
    add(PreviewCategory::RetryWait, tr("%1 waiting for their retry delay").arg(n(PreviewCategory::RetryWait)));
    add(PreviewCategory::QuotaFull, tr("%1 in a full quota cell").arg(n(PreviewCategory::QuotaFull)));
    add(PreviewCategory::Completed, tr("%1 completed").arg(n(PreviewCategory::Completed)));
    add(PreviewCategory::NumberCap, tr("%1 called too often lately").arg(n(PreviewCategory::NumberCap)));
    add(PreviewCategory::InProgress, tr("%1 in a call").arg(n(PreviewCategory::InProgress)));
    add(PreviewCategory::InvalidNumber, tr("%1 with an invalid number").arg(n(PreviewCategory::InvalidNumber)));
    add(PreviewCategory::NoTimeZone, tr("%1 without a known time zone").arg(n(PreviewCategory::NoTimeZone)));
    return parts.join(QStringLiteral("; "));
}

QString CampaignEditorDialog::startQuestion(const QString &name, const CompliancePreview &preview)
{
    return tr("Start campaign \"%1\"?\n\n%2.").arg(name, previewText(preview));
}

void CampaignEditorDialog::refreshPreview()
{
    m_refreshPreview->setEnabled(m_campaignId.has_value());
    if (!m_campaignId) {
        m_previewLabel->setText(tr("Save the campaign and import its contacts to see who would be called."));
        return;
    }
    const QDateTime now = m_services.clock.nowUtc();
    auto preview = CampaignService(m_services.database).preview(m_services.session.actor(), *m_campaignId, now);
    if (!preview) {
        m_previewLabel->setText(userMessage(preview.error()));
        return;
    }
    if (preview.value().total == 0) {
        m_previewLabel->setText(tr("No contacts yet: import them from the Campaigns pane."));
        return;
    }
    m_previewLabel->setText(
        tr("If started now (%1): %2.")
            .arg(QLocale().toString(now.toLocalTime(), QLocale::ShortFormat), previewText(preview.value())));
}

void renderCampaignEditorScreenshots(ConsoleServices &services, const QString &directory)
{
    QDir().mkpath(directory);
    // The editor on an editable campaign (a draft if there is one); the start question on the one with contacts.
    std::optional<qint64> campaignId;
    std::optional<qint64> withContacts;
    QString withContactsName;
    auto rows = CampaignService(services.database).summaries(services.session.actor());
    if (rows) {
        int most = 0;
        for (const CampaignSummary &row : rows.value()) {
            if (!campaignId || row.campaign.status == CampaignStatus::Draft) {
                campaignId = row.campaign.id;
            }
            if (row.contacts > most) {
                most = row.contacts;
                withContacts = row.campaign.id;
                withContactsName = row.campaign.name;
            }
        }
    }
    CampaignEditorDialog dialog(services, campaignId);
    dialog.resize(820, 640);
    dialog.show();
    const QStringList tabs{QStringLiteral("details"), QStringLiteral("window"), QStringLiteral("pacing"),
                           QStringLiteral("retries"), QStringLiteral("quotas"), QStringLiteral("machine")};
    auto *tabWidget = dialog.findChild<QTabWidget *>(QStringLiteral("campaignEditorTabs"));
    for (int i = 0; i < tabs.size() && tabWidget; ++i) {
        tabWidget->setCurrentIndex(i);
        QCoreApplication::processEvents();
        dialog.grab().save(QDir(directory).filePath(QStringLiteral("campaign-editor-%1.png").arg(tabs.at(i))));
    }
    // An invalid caller ID, as the user sees the inline error.
    tabWidget->setCurrentIndex(0);
    auto *callerId = dialog.findChild<QLineEdit *>(QStringLiteral("callerIdEdit"));
    callerId->setText(QStringLiteral("555-0100"));
    Q_EMIT callerId->textEdited(callerId->text());
    QCoreApplication::processEvents();
    dialog.grab().save(QDir(directory).filePath(QStringLiteral("campaign-editor-invalid.png")));
    dialog.undoStack()->undo();
    if (withContacts) {
        auto preview = CampaignService(services.database)
                           .preview(services.session.actor(), *withContacts, services.clock.nowUtc());
        if (preview) {
            QMessageBox box(QMessageBox::Question, CampaignEditorDialog::tr("Start campaign"),
                            CampaignEditorDialog::startQuestion(withContactsName, preview.value()),
                            QMessageBox::Yes | QMessageBox::No);
            box.show();
            QCoreApplication::processEvents();
            box.grab().save(QDir(directory).filePath(QStringLiteral("campaign-start-confirmation.png")));
        }
    }
}

} // namespace vsc::ui
