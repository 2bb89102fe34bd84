// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/scripts/scriptspane.h"

#include "services/auth/session.h"
#include "services/scripts/scriptservice.h"
#include "ui/dialogs.h"
#include "ui/pane.h"
#include "ui/scripts/scripteditordialog.h"
#include "ui/scripts/tryitpanel.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/icons.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vsc::ui {

namespace {

constexpr int kVersionRole = Qt::UserRole;

} // namespace

ScriptsPane::ScriptsPane(ConsoleServices &services, Dialogs &dialogs, QWidget *parent)
    : Pane(tr("Scripts"), parent), m_services(services), m_dialogs(dialogs), m_tree(new QTreeWidget(this)),
      m_new(namedButton(tr("New…"), QStringLiteral("newScriptButton"), this)),
      m_edit(namedButton(tr("Edit…"), QStringLiteral("editScriptButton"), this)),
      m_try(namedButton(tr("Try it…"), QStringLiteral("tryScriptButton"), this)),
      m_import(namedButton(tr("Import JSON…"), QStringLiteral("importScriptButton"), this)),
      m_export(namedButton(tr("Export JSON…"), QStringLiteral("exportScriptButton"), this))
{
    setObjectName(QStringLiteral("scriptsPane"));
    m_tree->setObjectName(QStringLiteral("scriptsTree"));
    m_tree->setAccessibleName(tr("Scripts and their versions"));
    m_tree->setHeaderLabels({tr("Script / version"), tr("Language"), tr("Questions"), tr("Saved"), tr("By")});
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 5; ++c) {
        m_tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    }
    m_new->setIcon(themedIcon(Icon::New));
    m_edit->setIcon(themedIcon(Icon::Edit));
    m_try->setIcon(themedIcon(Icon::Start));
    m_import->setIcon(themedIcon(Icon::Import));
    m_export->setIcon(themedIcon(Icon::Export));
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_new, m_edit, m_try, m_import, m_export}) {
        buttons->addWidget(b);
    }
    buttons->addStretch();
    auto *hint = new QLabel(tr("Saving an edited script adds a version; calls in progress keep the version they "
                               "started with."),
                            this);
    hint->setWordWrap(true);
    contentLayout()->addLayout(buttons);
    contentLayout()->addWidget(m_tree, 1);
    m_empty = new EmptyState(Icon::Scripts,
                             tr("No scripts yet. Write one with New script…, or import a script saved as JSON."), this);
    connect(m_empty->addButton(tr("New script…"), Icon::New, QStringLiteral("emptyNewScriptButton")),
            &QPushButton::clicked, this, &ScriptsPane::newScript);
    m_empty->hide();
    contentLayout()->addWidget(m_empty, 1);
    contentLayout()->addWidget(hint);

    connect(m_new, &QPushButton::clicked, this, &ScriptsPane::newScript);
    connect(m_edit, &QPushButton::clicked, this, &ScriptsPane::editSelected);
    connect(m_try, &QPushButton::clicked, this, &ScriptsPane::trySelected);
    connect(m_import, &QPushButton::clicked, this, &ScriptsPane::importScript);
    connect(m_export, &QPushButton::clicked, this, &ScriptsPane::exportSelected);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &ScriptsPane::updateButtons);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, &ScriptsPane::editSelected);
    updateButtons();
}

void ScriptsPane::refresh()
{
    services::scripts::ScriptService service(m_services.database, m_services.clock);
    auto scripts = service.list(actor());
    if (!report(scripts)) {
        if (scripts.error().code == ErrorCode::ConnectionLost) {
            Q_EMIT loadFailed(scripts.error());
        }
        return;
    }
    const std::optional<qint64> selected = selectedVersionId();
    QSet<qint64> expanded;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        if (m_tree->topLevelItem(i)->isExpanded()) {
            expanded.insert(m_tree->topLevelItem(i)->data(0, Qt::UserRole + 1).toLongLong());
        }
    }
    m_tree->clear();
    const QLocale locale;
    for (const services::storage::ScriptRow &script : scripts.value()) {
        auto *top = new QTreeWidgetItem(m_tree);
        top->setText(0, script.name);
        top->setData(0, Qt::UserRole + 1, script.id);
        if (!script.versions.isEmpty()) {
            const auto &newest = script.versions.constLast();
            top->setData(0, kVersionRole, newest.id);
            top->setText(1, newest.language);
            top->setText(2, locale.toString(newest.questionCount));
            top->setText(3, tr("%n version(s)", nullptr, int(script.versions.size())));
        }
        for (auto it = script.versions.crbegin(); it != script.versions.crend(); ++it) {
            auto *child = new QTreeWidgetItem(top);
            child->setText(0, tr("Version %1").arg(it->version));
            child->setData(0, kVersionRole, it->id);
            child->setText(1, it->language);
            child->setText(2, locale.toString(it->questionCount));
            child->setText(3, locale.toString(it->createdAt.toLocalTime(), QLocale::ShortFormat));
            child->setText(4, it->createdBy);
        }
        top->setExpanded(expanded.isEmpty() || expanded.contains(script.id));
    }
    if (selected) {
        selectVersion(*selected);
    } else if (m_tree->topLevelItemCount() > 0 && m_tree->topLevelItem(0)->childCount() > 0) {
        m_tree->setCurrentItem(m_tree->topLevelItem(0)->child(0)); // the first script's newest version
    }
    m_empty->setVisible(m_tree->topLevelItemCount() == 0);
    m_tree->setVisible(m_tree->topLevelItemCount() > 0);
    updateButtons();
}

void ScriptsPane::setActor(const Actor &actor)
{
    Pane::setActor(actor);
    updateButtons();
}

std::optional<qint64> ScriptsPane::selectedVersionId() const
{
    const QList<QTreeWidgetItem *> items = m_tree->selectedItems();
    if (items.isEmpty() || !items.first()->data(0, kVersionRole).isValid()) {
        return std::nullopt;
    }
    return items.first()->data(0, kVersionRole).toLongLong();
}

void ScriptsPane::selectVersion(qint64 versionId)
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->parent() && (*it)->data(0, kVersionRole).toLongLong() == versionId) {
            m_tree->setCurrentItem(*it);
            return;
        }
    }
}

void ScriptsPane::updateButtons()
{
    const bool edit = actor().has(Permission::CampaignEdit);
    const bool selected = selectedVersionId().has_value();
    m_new->setEnabled(edit);
    m_import->setEnabled(edit);
    m_edit->setEnabled(selected);
    m_edit->setText(edit ? tr("Edit…") : tr("View…"));
    m_try->setEnabled(selected);
    m_export->setEnabled(selected);
}

void ScriptsPane::openEditor(std::optional<qint64> versionId, bool tryIt)
{
    ScriptEditorDialog dialog(m_services, versionId, this, &m_dialogs);
    std::optional<qint64> savedVersion;
    connect(&dialog, &ScriptEditorDialog::saved, this,
            [&savedVersion](qint64, qint64 version, int) { savedVersion = version; });
    if (tryIt) {
        dialog.showTryIt();
    }
    m_dialogs.exec(dialog);
    refresh();
    if (savedVersion) {
        selectVersion(*savedVersion);
    }
}

void ScriptsPane::newScript()
{
    openEditor(std::nullopt, false);
}

void ScriptsPane::editSelected()
{
    if (const auto id = selectedVersionId()) {
        openEditor(id, false);
    }
}

void ScriptsPane::trySelected()
{
    if (const auto id = selectedVersionId()) {
        openEditor(id, true);
    }
}

void ScriptsPane::importScript()
{
    const QString path = m_dialogs.openFileName(this, tr("Import script"), QString(), tr("Survey scripts (*.json)"));
    if (path.isEmpty()) {
        return;
    }
    services::scripts::ScriptService service(m_services.database, m_services.clock);
    auto saved = service.importFile(actor(), path);
    if (!saved) {
        m_dialogs.inform(this, QMessageBox::Warning, tr("Import script"),
                         saved.error().code == ErrorCode::InvalidArgument ? saved.error().detail
                                                                          : userMessage(saved.error()));
        return;
    }
    refresh();
    selectVersion(saved.value().versionId);
}

void ScriptsPane::exportSelected()
{
    const auto id = selectedVersionId();
    if (!id) {
        return;
    }
    const QString path =
        m_dialogs.saveFileName(this, tr("Export script"), QStringLiteral("script.json"), tr("Survey scripts (*.json)"));
    if (path.isEmpty()) {
        return;
    }
    services::scripts::ScriptService service(m_services.database, m_services.clock);
    auto json = service.exportJson(actor(), *id);
    if (!report(json)) {
        return;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json.value()) != json.value().size() || !file.commit()) {
        m_dialogs.inform(this, QMessageBox::Warning, tr("Export script"),
                         tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
}

bool renderScriptScreenshots(ConsoleServices &services, const QString &directory)
{
    QFile sample(QStringLiteral(":/scripts/customer-satisfaction.json"));
    if (!sample.open(QIODevice::ReadOnly)) {
        return false;
    }
    services::dialogue::Script script = services::dialogue::loadScript(sample.readAll()).script;
    // An NPS detractor range and a German variant, as the editor is meant to be used.
    const int nps = script.indexOf(QStringLiteral("nps"));
    if (nps >= 0) {
        script.questions[nps].branches = {{{}, {{0, 6}}, QStringLiteral("comment")}};
    }
    services::dialogue::ScriptVariant german;
    german.language = QStringLiteral("de-DE");
    german.voice = QStringLiteral("Polly.Vicki");
    german.intro = QStringLiteral("Guten Tag, hier ist Northwind Home Services mit einer kurzen Umfrage.");
    german.outro = QStringLiteral("Vielen Dank für Ihre Zeit. Auf Wiederhören.");
    const QStringList prompts{
        QStringLiteral("Hat unser Techniker Ihr Problem beim ersten Besuch gelöst? Drücken Sie 1 für ja, 2 für nein."),
        QStringLiteral("Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen, von null bis zehn?"),
        QStringLiteral("Was war Ihnen am wichtigsten: 1 Tempo, 2 Preis, 3 Freundlichkeit."),
        QStringLiteral("Würden Sie uns wieder beauftragen?"),
        QStringLiteral("Bitte sagen Sie uns kurz, was schiefgelaufen ist.")};
    for (int i = 0; i < script.questions.size() && i < prompts.size(); ++i) {
        german.questions.insert(script.questions.at(i).id, {prompts.at(i), {}, {}});
    }
    german.questions[QStringLiteral("priority")].synonyms = {{QStringLiteral("speed"), {QStringLiteral("schnell")}},
                                                             {QStringLiteral("price"), {QStringLiteral("preis")}}};
    script.variants = {german};

    ScriptEditorDialog editor(services, std::nullopt);
    editor.setScript(script);
    editor.resize(1180, 800);
    editor.show();
    auto *list = editor.findChild<QListWidget *>(QStringLiteral("questionList"));
    if (list) {
        list->setCurrentRow(nps);
    }
    QApplication::processEvents();
    const QDir dir(directory);
    bool ok = editor.grab().save(dir.filePath(QStringLiteral("script-editor.png")));
    auto *tabs = editor.findChild<QTabWidget *>(QStringLiteral("scriptEditorTabs"));
    if (tabs) {
        tabs->setCurrentIndex(2);
        QApplication::processEvents();
        ok = editor.grab().save(dir.filePath(QStringLiteral("script-editor-languages.png"))) && ok;
    }
    editor.showTryIt();
    TryItPanel *tryIt = editor.tryIt();
    tryIt->pressKey(QStringLiteral("1"));
    tryIt->pressKey(QStringLiteral("4"));
    tryIt->pressKey(QStringLiteral("#"));
    // Mid-call: the free-speech question listens, the caller's words typed but not yet said.
    if (auto *speech = tryIt->findChild<QLineEdit *>(QStringLiteral("trySpeechEdit"))) {
        speech->setText(QStringLiteral("The technician was late and rude"));
    }
    QApplication::processEvents();
    ok = editor.grab().save(dir.filePath(QStringLiteral("script-try-it.png"))) && ok;
    return ok;
}

} // namespace vsc::ui
