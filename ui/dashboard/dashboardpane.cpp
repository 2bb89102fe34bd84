// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dashboard/dashboardpane.h"

#include "services/auth/session.h"
#include "services/campaigns/campaignservice.h"
#include "services/clock.h"
#include "services/settings/settingsservice.h"
#include "ui/widgets/kpitile.h"
#include "ui/widgets/numberformat.h"
#include "ui/widgets/tones.h"

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLocale>
#include <QPen>
#include <QPieSeries>
#include <QPieSlice>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTabWidget>
#include <QValueAxis>

#include <cmath>

namespace vsc::ui {

using services::reporting::DashboardReport;
using services::reporting::DashboardSelection;
using services::reporting::Disposition;
using services::reporting::Rate;

namespace {

QString percent(std::optional<double> ratio)
{
    return ratio ? percentText(*ratio, 1) : QStringLiteral("–");
}

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

QColor blend(const QColor &a, const QColor &b, double aShare)
{
    return QColor::fromRgbF(float(a.redF() * aShare + b.redF() * (1 - aShare)),
                            float(a.greenF() * aShare + b.greenF() * (1 - aShare)),
                            float(a.blueF() * aShare + b.blueF() * (1 - aShare)));
}

// Qt Charts paints its own light theme whatever the palette; this repaints a chart in the palette's colours, so the
// charts read on a dark desktop too (VSC_PALETTE=dark). Series colours stay: they read on both.
void applyPalette(QChart *chart, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    chart->setBackgroundBrush(base);
    chart->setBackgroundPen(QPen(blend(text, base, 0.25)));
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(quietTextColour(palette));
        axis->setGridLineColor(blend(text, base, 0.15));
    }
    const QList<QAbstractSeries *> series = chart->series();
    for (QAbstractSeries *s : series) {
        if (auto *pie = qobject_cast<QPieSeries *>(s)) {
            const QList<QPieSlice *> slices = pie->slices();
            for (QPieSlice *slice : slices) {
                slice->setLabelColor(text);
                slice->setBorderColor(base);
            }
        } else if (auto *bars = qobject_cast<QAbstractBarSeries *>(s)) {
            const QList<QBarSet *> sets = bars->barSets();
            for (QBarSet *set : sets) {
                set->setLabelColor(text);
                set->setBorderColor(set->color()); // the default light theme's white edge glows on a dark base
            }
        }
    }
}

// Vertical bars with categories on X and whole numbers on Y.
QChart *barChart(const QString &title, const QString &series, const QStringList &categories,
                 const QList<qint64> &values, const QColor &color)
{
    auto *set = new QBarSet(series);
    set->setColor(color);
    qint64 highest = 0;
    for (qint64 v : values) {
        *set << double(v);
        highest = std::max(highest, v);
    }
    auto *bars = new QBarSeries;
    bars->append(set);
    QChart *chart = newChart(title);
    chart->addSeries(bars);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    chart->addAxis(x, Qt::AlignBottom);
    bars->attachAxis(x);
    auto *y = new QValueAxis;
    y->setRange(0, double(std::max<qint64>(4, highest + highest / 10 + 1)));
    y->setLabelFormat(QStringLiteral("%d"));
    y->applyNiceNumbers();
    chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(y);
    chart->legend()->setVisible(false);
    return chart;
}

QString outcomeLabel(const QString &outcome)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("completed"), QT_TRANSLATE_NOOP("vsc::ui::DashboardPane", "Answered")},
        {QStringLiteral("machine"), QT_TRANSLATE_NOOP("vsc::ui::DashboardPane", "Answering machine")},
        {QStringLiteral("no-answer"), QT_TRANSLATE_NOOP("vsc::ui::DashboardPane", "No answer")},
        {QStringLiteral("busy"), QT_TRANSLATE_NOOP("vsc::ui::DashboardPane", "Busy")},
        {QStringLiteral("failed"), QT_TRANSLATE_NOOP("vsc::ui::DashboardPane", "Failed")},
        {QStringLiteral("canceled"), QT_TRANSLATE_NOOP("vsc::ui::DashboardPane", "Canceled")},
    };
    const char *label = labels.value(outcome);
    return label ? DashboardPane::tr(label) : DashboardPane::tr("In progress (%1)").arg(outcome);
}

QString dispositionText(Disposition d)
{
    switch (d) {
    case Disposition::Complete:
        return DashboardPane::tr("Complete interview");
    case Disposition::Partial:
        return DashboardPane::tr("Partial interview");
    case Disposition::Refusal:
        return DashboardPane::tr("Refusal and break-off");
    case Disposition::NonContact:
        return DashboardPane::tr("Non-contact (answering machine)");
    case Disposition::Other:
        return DashboardPane::tr("Other");
    case Disposition::UnknownHousehold:
        return DashboardPane::tr("Unknown eligibility: no answer, busy");
    case Disposition::UnknownOther:
        return DashboardPane::tr("Unknown eligibility: call failed");
    case Disposition::NotEligible:
        return DashboardPane::tr("Not eligible: invalid number, fax");
    }
    return {};
}

} // namespace

DashboardPane::DashboardPane(ConsoleServices &services, QWidget *parent)
    : Pane(tr("Dashboard"), parent), m_services(services), m_campaign(new QComboBox(this)),
      m_period(new QComboBox(this)), m_from(new QDateEdit(this)), m_to(new QDateEdit(this)),
      m_rate(new QDoubleSpinBox(this)), m_empty(new QLabel(this)), m_charts(new QTabWidget(this)),
      m_hoursView(new QChartView(this)), m_outcomesView(new QChartView(this)), m_funnelView(new QChartView(this)),
      m_question(new QComboBox(this)), m_questionStack(new QStackedWidget(this)), m_questionHint(new QLabel(this)),
      m_questionView(new QChartView(this)), m_rates(new QTableWidget(this)), m_dispositions(new QTableWidget(this)),
      m_eLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("dashboardPane"));
    buildSelectors();
    buildTiles();
    m_empty->setObjectName(QStringLiteral("dashboardEmptyLabel"));
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(QStringLiteral("color: palette(dark); padding: 6px;"));
    m_empty->hide();
    contentLayout()->addWidget(m_empty);

    for (QChartView *view : {m_hoursView, m_outcomesView, m_funnelView, m_questionView}) {
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(240);
    }
    m_hoursView->setObjectName(QStringLiteral("hoursChartView"));
    m_outcomesView->setObjectName(QStringLiteral("outcomesChartView"));
    m_funnelView->setObjectName(QStringLiteral("funnelChartView"));
    m_questionView->setObjectName(QStringLiteral("questionChartView"));
    m_question->setObjectName(QStringLiteral("dashboardQuestionCombo"));
    m_question->setAccessibleName(tr("Question"));
    m_questionHint->setObjectName(QStringLiteral("questionHintLabel"));
    m_questionHint->setWordWrap(true);
    m_questionHint->setAlignment(Qt::AlignCenter);
    m_questionStack->setObjectName(QStringLiteral("questionStack"));
    m_questionStack->addWidget(m_questionHint);
    m_questionStack->addWidget(m_questionView);
    auto *questionPage = new QWidget(this);
    auto *questionLayout = new QVBoxLayout(questionPage);
    questionLayout->setContentsMargins(0, 6, 0, 0);
    questionLayout->addWidget(m_question);
    questionLayout->addWidget(m_questionStack, 1);
    connect(m_question, &QComboBox::currentIndexChanged, this, [this] { showDistribution(); });

    m_charts->setObjectName(QStringLiteral("dashboardChartTabs"));
    m_charts->addTab(m_hoursView, tr("Hour of day"));
    m_charts->addTab(m_outcomesView, tr("Outcomes"));
    m_charts->addTab(questionPage, tr("Answers"));
    m_charts->addTab(m_funnelView, tr("Funnel"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_charts, 3);
    row->addWidget(buildAaporPanel(), 2);
    contentLayout()->addLayout(row, 1);
    m_ready = true;
}

void DashboardPane::buildSelectors()
{
    m_campaign->setObjectName(QStringLiteral("dashboardCampaignCombo"));
    m_campaign->setAccessibleName(tr("Campaign"));
    m_campaign->setMinimumContentsLength(24);
    m_campaign->addItem(tr("All campaigns"), QVariant());
    m_period->setObjectName(QStringLiteral("dashboardPeriodCombo"));
    m_period->setAccessibleName(tr("Period"));
    m_period->addItem(tr("Today"), int(DashboardSelection::Period::Today));
    m_period->addItem(tr("Last 7 days"), int(DashboardSelection::Period::Last7Days));
    m_period->addItem(tr("Last 30 days"), int(DashboardSelection::Period::Last30Days));
    m_period->addItem(tr("Custom range"), int(DashboardSelection::Period::Custom));
    m_period->setCurrentIndex(1);
    const QDate today = m_services.clock.nowUtc().toLocalTime().date();
    m_from->setObjectName(QStringLiteral("dashboardFromDate"));
    m_from->setAccessibleName(tr("From"));
    m_to->setObjectName(QStringLiteral("dashboardToDate"));
    m_to->setAccessibleName(tr("To"));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        edit->setDate(today);
        edit->setEnabled(false);
    }
    m_from->setDate(today.addDays(-29));
    for (QDateEdit *edit : {m_from, m_to}) {
        connect(edit, &QDateEdit::dateChanged, this, [this] { refresh(); });
    }
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Campaign:"), this));
    bar->addWidget(m_campaign);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Period:"), this));
    bar->addWidget(m_period);
    bar->addWidget(m_from);
    bar->addWidget(new QLabel(QStringLiteral("–"), this));
    bar->addWidget(m_to);
    bar->addStretch(1);
    m_rate->setObjectName(QStringLiteral("dashboardRateSpin"));
    m_rate->setAccessibleName(tr("Cost per minute"));
    m_rate->setToolTip(tr("What a minute of calling costs, for the estimated cost (needs settings.manage to change)"));
    m_rate->setDecimals(4);
    m_rate->setRange(0, 100);
    m_rate->setSingleStep(0.005);
    m_rate->setSpecialValueText(tr("not set"));
    m_rate->setEnabled(false);
    connect(m_rate, &QDoubleSpinBox::editingFinished, this, &DashboardPane::saveRate);
    bar->addWidget(new QLabel(tr("Cost per minute:"), this));
    bar->addWidget(m_rate);
    contentLayout()->addLayout(bar);
    connect(m_campaign, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = selection().period == DashboardSelection::Period::Custom;
        m_from->setEnabled(custom);
        m_to->setEnabled(custom);
        refresh();
    });
}

void DashboardPane::buildTiles()
{
    auto *grid = new QGridLayout;
    grid->setSpacing(10);
    const QList<std::pair<QString, QString>> tiles{
        {QStringLiteral("attempts"), tr("Calls dialed")},
        {QStringLiteral("answered"), tr("Answered")},
        {QStringLiteral("completed"), tr("Completed interviews")},
        {QStringLiteral("optOuts"), tr("Opt-outs")},
        {QStringLiteral("answerRate"), tr("Answer rate")},
        {QStringLiteral("completionRate"), tr("Completion rate")},
        {QStringLiteral("duration"), tr("Average call")},
        {QStringLiteral("cost"), tr("Estimated cost")},
    };
    for (int i = 0; i < tiles.size(); ++i) {
        auto *tile = new KpiTile(tiles.at(i).second, this);
        tile->setObjectName(tiles.at(i).first + QStringLiteral("Tile"));
        m_tiles.insert(tiles.at(i).first, tile);
        grid->addWidget(tile, i / 4, i % 4);
    }
    m_tiles.value(QStringLiteral("answerRate"))->setToolTip(tr("Answered calls ÷ calls dialed"));
    m_tiles.value(QStringLiteral("completionRate"))->setToolTip(tr("Completed interviews ÷ answered calls"));
    m_tiles.value(QStringLiteral("cost"))
        ->setToolTip(tr("Each call's length rounded up to whole minutes × the cost per minute set above "
                        "(billing.rate_per_minute)"));
    contentLayout()->addLayout(grid);
}

QWidget *DashboardPane::buildAaporPanel()
{
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("aaporTabs"));
    m_rates->setObjectName(QStringLiteral("aaporRatesTable"));
    m_rates->setAccessibleName(tr("Response rates"));
    m_rates->setColumnCount(2);
    m_rates->setHorizontalHeaderLabels({tr("AAPOR rate"), tr("Value")});
    m_rates->setRowCount(services::reporting::kRateCount);
    for (Rate rate : services::reporting::allRates()) {
        auto *name = new QTableWidgetItem(services::reporting::rateName(rate));
        const QString tip = tr("%1 = %2\nAAPOR Standard Definitions; e = estimated share of eligible cases among "
                               "those of unknown eligibility.")
                                .arg(services::reporting::rateName(rate), services::reporting::rateFormula(rate));
        name->setToolTip(tip);
        auto *value = new QTableWidgetItem(QStringLiteral("–"));
        value->setToolTip(tip);
        value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_rates->setItem(int(rate), 0, name);
        m_rates->setItem(int(rate), 1, value);
    }
    m_dispositions->setObjectName(QStringLiteral("aaporDispositionsTable"));
    m_dispositions->setAccessibleName(tr("Dispositions"));
    m_dispositions->setColumnCount(3);
    m_dispositions->setHorizontalHeaderLabels({tr("Code"), tr("Final disposition"), tr("Contacts")});
    m_dispositions->setRowCount(services::reporting::kDispositionCount);
    for (Disposition d : services::reporting::allDispositions()) {
        auto *code = new QTableWidgetItem(services::reporting::dispositionCode(d) + QStringLiteral(" ") +
                                          services::reporting::dispositionSymbol(d));
        auto *label = new QTableWidgetItem(dispositionText(d));
        label->setToolTip(services::reporting::dispositionLabel(d));
        auto *count = new QTableWidgetItem(QStringLiteral("–"));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_dispositions->setItem(int(d), 0, code);
        m_dispositions->setItem(int(d), 1, label);
        m_dispositions->setItem(int(d), 2, count);
    }
    for (QTableWidget *table : {m_rates, m_dispositions}) {
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->verticalHeader()->hide();
        table->horizontalHeader()->setStretchLastSection(true);
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->resizeColumnsToContents();
    }
    m_rates->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_dispositions->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_eLabel->setObjectName(QStringLiteral("aaporELabel"));
    m_eLabel->setWordWrap(true);
    // Two lines always fit: the layout gave the wrapped text one line's height and cut the second off at 1280x800.
    m_eLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_eLabel->setMinimumHeight(2 * m_eLabel->fontMetrics().lineSpacing() + 4);
    m_eLabel->setToolTip(tr("e = (I+P+R+NC+O) ÷ (I+P+R+NC+O+NE): the share eligible among the contacts whose "
                            "eligibility is known, used for RR3, RR4, REF2 and CON2."));
    auto *ratesPage = new QWidget(this);
    auto *ratesLayout = new QVBoxLayout(ratesPage);
    ratesLayout->setContentsMargins(0, 0, 0, 0);
    ratesLayout->addWidget(m_rates, 1);
    ratesLayout->addWidget(m_eLabel);
    tabs->addTab(ratesPage, tr("Response rates"));
    tabs->addTab(m_dispositions, tr("Dispositions"));
    return tabs;
}

void DashboardPane::setActor(const Actor &actor)
{
    Pane::setActor(actor);
    m_rate->setEnabled(actor.has(Permission::SettingsManage));
}

void DashboardPane::saveRate()
{
    const double wanted = m_rate->value();
    if (m_report.ratePerMinute.value_or(0.0) == wanted) {
        return;
    }
    const QString value = wanted > 0 ? QString::number(wanted, 'f', 4) : QString(); // empty removes the key
    auto saved = services::settings::SettingsService(m_services.database, m_services.clock)
                     .set(m_services.session.actor(),
                          {{QString::fromLatin1(services::reporting::DashboardService::kRatePerMinuteKey), value}});
    if (report(saved)) {
        refresh();
    }
}

DashboardSelection DashboardPane::selection() const
{
    DashboardSelection s;
    if (const QVariant id = m_campaign->currentData(); id.isValid()) {
        s.campaignId = id.toLongLong();
    }
    s.period = DashboardSelection::Period(m_period->currentData().toInt());
    s.customFrom = m_from->date();
    s.customTo = m_to->date();
    return s;
}

void DashboardPane::reloadCampaigns()
{
    auto campaigns = services::campaigns::CampaignService(m_services.database).summaries(m_services.session.actor());
    if (!campaigns) {
        return; // the report below shows the error
    }
    QList<std::pair<QString, qint64>> wanted;
    for (const CampaignSummary &s : campaigns.value()) {
        wanted.append({s.campaign.name, s.campaign.id});
    }
    bool same = m_campaign->count() == wanted.size() + 1;
    for (int i = 0; same && i < wanted.size(); ++i) {
        same = m_campaign->itemText(i + 1) == wanted.at(i).first &&
               m_campaign->itemData(i + 1).toLongLong() == wanted.at(i).second;
    }
    if (same) {
        return;
    }
    const QVariant current = m_campaign->currentData();
    const QSignalBlocker blocker(m_campaign);
    while (m_campaign->count() > 1) {
        m_campaign->removeItem(1);
    }
    for (const auto &[name, id] : wanted) {
        m_campaign->addItem(name, id);
    }
    const int index = current.isValid() ? m_campaign->findData(current) : 0;
    m_campaign->setCurrentIndex(std::max(0, index));
}

void DashboardPane::refresh()
{
    if (!m_ready) {
        return; // a selector changed while the pane is being built
    }
    reloadCampaigns();
    services::reporting::DashboardService service(m_services.database);
    auto loaded = service.report(m_services.session.actor(), selection(), m_services.clock.nowUtc());
    if (!report(loaded)) {
        return;
    }
    const bool selectionChanged = !m_hasReport || loaded.value().filter.campaignId != m_report.filter.campaignId ||
                                  loaded.value().filter.from != m_report.filter.from ||
                                  loaded.value().filter.to != m_report.filter.to;
    showReport(loaded.value(), selectionChanged);
    const qint64 campaign = selection().campaignId.value_or(0);
    if (campaign != m_questionsFor) {
        reloadQuestions();
    } else {
        showDistribution();
    }
}

void DashboardPane::setChart(QChartView *view, QChart *chart)
{
    applyPalette(chart, palette());
    QChart *old = view->chart();
    view->setChart(chart);
    delete old;
}

void DashboardPane::changeEvent(QEvent *event)
{
    Pane::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        for (QChartView *view : {m_hoursView, m_outcomesView, m_funnelView, m_questionView}) {
            if (view->chart() != nullptr) {
                applyPalette(view->chart(), palette());
            }
        }
    }
}

void DashboardPane::showReport(const DashboardReport &r, bool force)
{
    const DashboardReport previous = m_report;
    m_report = r;
    m_hasReport = true;
    showTiles(r);
    showAapor(r);
    if (selection().period != DashboardSelection::Period::Custom) {
        // The disabled date fields show the range the period stands for.
        const QSignalBlocker fromBlocker(m_from);
        const QSignalBlocker toBlocker(m_to);
        m_from->setDate(r.filter.from.toLocalTime().date());
        m_to->setDate(r.filter.to.toLocalTime().date().addDays(-1));
    }
    if (r.dialed == 0) {
        m_empty->setText(selection().campaignId
                             ? tr("No calls in this period. Start the campaign in Campaigns, or choose a longer "
                                  "period.")
                             : tr("No calls in this period. Create a campaign in Campaigns, import contacts and start "
                                  "it; or choose a longer period."));
        m_empty->show();
    } else {
        m_empty->hide();
    }
    const QLocale locale;
    if (force || r.attemptsByLocalHour != previous.attemptsByLocalHour) {
        QStringList hours;
        QList<qint64> counts;
        for (int h = 0; h < 24; ++h) {
            hours << QString::number(h);
            counts << r.attemptsByLocalHour.at(std::size_t(h));
        }
        QChart *chart = barChart(tr("Calls by hour of day, in each contact's local time"), tr("Calls"), hours, counts,
                                 QColor(0x15, 0x65, 0xc0));
        const QList<QAbstractAxis *> axes = chart->axes(Qt::Horizontal);
        if (!axes.isEmpty()) {
            QFont small = axes.first()->labelsFont(); // 24 labels side by side: "10" to "23" fit only smaller
            small.setPointSizeF(small.pointSizeF() * 0.75);
            axes.first()->setLabelsFont(small);
        }
        setChart(m_hoursView, chart);
    }
    if (force || r.outcomes != previous.outcomes) {
        auto *pie = new QPieSeries;
        for (const auto &[outcome, count] : r.outcomes) {
            QPieSlice *slice =
                pie->append(tr("%1: %2").arg(outcomeLabel(outcome), locale.toString(count)), double(count));
            slice->setLabelVisible(true);
        }
        QChart *chart = newChart(tr("Call outcomes"));
        chart->addSeries(pie);
        chart->legend()->setVisible(false);
        setChart(m_outcomesView, chart);
    }
    const auto &f = r.funnel;
    const auto &g = previous.funnel;
    if (force || f.dialed != g.dialed || f.answered != g.answered || f.firstQuestion != g.firstQuestion ||
        f.completed != g.completed) {
        // Bottom to top, so the funnel reads downwards.
        const QStringList steps{tr("Completed"), tr("First question answered"), tr("Answered by a person"),
                                tr("Dialed")};
        auto *set = new QBarSet(tr("Contacts"));
        set->setColor(QColor(0x2e, 0x7d, 0x32));
        *set << double(f.completed) << double(f.firstQuestion) << double(f.answered) << double(f.dialed);
        auto *bars = new QHorizontalBarSeries;
        bars->append(set);
        bars->setLabelsVisible(true);
        bars->setLabelsPosition(QAbstractBarSeries::LabelsInsideBase);
        QChart *chart = newChart(tr("Completion funnel (contacts)"));
        chart->addSeries(bars);
        auto *y = new QBarCategoryAxis;
        y->append(steps);
        chart->addAxis(y, Qt::AlignLeft);
        bars->attachAxis(y);
        auto *x = new QValueAxis;
        x->setRange(0, double(std::max<qint64>(4, f.dialed)));
        x->setLabelFormat(QStringLiteral("%d"));
        chart->addAxis(x, Qt::AlignBottom);
        bars->attachAxis(x);
        chart->legend()->setVisible(false);
        setChart(m_funnelView, chart);
    }
}

void DashboardPane::showTiles(const DashboardReport &r)
{
    if (!m_rate->hasFocus()) {
        const QSignalBlocker blocker(m_rate);
        m_rate->setValue(r.ratePerMinute.value_or(0.0));
    }
    const QLocale locale;
    auto tile = [this](const char *key) { return m_tiles.value(QLatin1String(key)); };
    tile("attempts")->setValue(locale.toString(r.dialed), tr("%n still in progress", nullptr, int(r.active)));
    tile("answered")->setValue(locale.toString(r.answered), tr("answering machines included"));
    tile("completed")
        ->setValue(locale.toString(r.completed), tr("of %n contact(s) first called", nullptr, int(r.funnel.dialed)));
    tile("optOuts")->setValue(locale.toString(r.optOuts), tr("asked not to be called again"));
    tile("answerRate")
        ->setValue(percent(r.dialed > 0 ? std::optional(r.answerRate()) : std::nullopt), tr("answered ÷ dialed"));
    tile("completionRate")
        ->setValue(percent(r.answered > 0 ? std::optional(r.completionRate()) : std::nullopt),
                   tr("completed ÷ answered"));
    const int seconds = int(std::lround(r.averageDurationSeconds));
    tile("duration")
        ->setValue(QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0')),
                   tr("minutes per connected call"));
    if (const auto cost = r.estimatedCost()) {
        tile("cost")->setValue(locale.toString(*cost, 'f', 2),
                               tr("%n billed minute(s)", nullptr, int(r.billableMinutes)));
    } else {
        tile("cost")->setValue(QStringLiteral("–"), tr("set the cost per minute above"));
    }
}

void DashboardPane::showAapor(const DashboardReport &r)
{
    const QLocale locale;
    for (Rate rate : services::reporting::allRates()) {
        const auto value = services::reporting::rate(rate, r.dispositions);
        QTableWidgetItem *item = m_rates->item(int(rate), 1);
        item->setText(value ? locale.toString(*value, 'f', 3) : QStringLiteral("–"));
        item->setData(Qt::UserRole, value ? QVariant(*value) : QVariant());
    }
    for (Disposition d : services::reporting::allDispositions()) {
        m_dispositions->item(int(d), 2)->setText(locale.toString(r.dispositions[d]));
    }
    const auto e = services::reporting::estimatedEligibility(r.dispositions);
    m_eLabel->setText(e ? tr("e = %1, estimated from the %n contact(s) whose eligibility is known.", nullptr,
                             int(r.dispositions.total() - r.dispositions[Disposition::UnknownHousehold] -
                                 r.dispositions[Disposition::UnknownOther]))
                              .arg(locale.toString(*e, 'f', 3))
                        : tr("e cannot be estimated yet: no contact's eligibility is known."));
}

void DashboardPane::reloadQuestions()
{
    const std::optional<qint64> campaign = selection().campaignId;
    m_questionsFor = campaign.value_or(0);
    m_questions.clear();
    if (campaign) {
        auto questions =
            services::reporting::DashboardService(m_services.database).questions(m_services.session.actor(), *campaign);
        if (questions) {
            for (const auto &q : questions.value()) {
                if (q.type != QLatin1String("recording") && q.type != QLatin1String("free_speech")) {
                    m_questions.append(q); // free text and recordings have no distribution to draw
                }
            }
        }
    }
    {
        const QSignalBlocker blocker(m_question);
        m_question->clear();
        for (const auto &q : std::as_const(m_questions)) {
            m_question->addItem(tr("%1 – %2").arg(q.key, q.prompt), q.key);
        }
        m_question->setEnabled(!m_questions.isEmpty());
    }
    showDistribution();
}

void DashboardPane::showDistribution()
{
    const int index = m_question->currentIndex();
    if (!selection().campaignId) {
        m_questionHint->setText(tr("Choose a campaign above to see how its questions were answered."));
        m_questionStack->setCurrentWidget(m_questionHint);
        return;
    }
    if (index < 0 || index >= m_questions.size()) {
        m_questionHint->setText(tr("This campaign's script has no question with choices or numbers to chart."));
        m_questionStack->setCurrentWidget(m_questionHint);
        return;
    }
    const auto &question = m_questions.at(index);
    auto bars = services::reporting::DashboardService(m_services.database)
                    .answerDistribution(m_services.session.actor(), selection(), question, m_services.clock.nowUtc());
    if (!report(bars)) {
        return;
    }
    QStringList labels;
    QList<qint64> counts;
    qint64 total = 0;
    for (const auto &bar : bars.value()) {
        labels << bar.label;
        counts << bar.count;
        total += bar.count;
    }
    if (total == 0) {
        m_questionHint->setText(tr("Nobody answered “%1” in this period yet.").arg(question.prompt));
        m_questionStack->setCurrentWidget(m_questionHint);
        return;
    }
    const QString title = question.type == QLatin1String("numeric")
                              ? tr("“%1”: answers by range (%n answer(s))", nullptr, int(total)).arg(question.prompt)
                              : tr("“%1”: answers by choice (%n answer(s))", nullptr, int(total)).arg(question.prompt);
    setChart(m_questionView, barChart(title, tr("Answers"), labels, counts, QColor(0x6a, 0x1b, 0x9a)));
    m_questionStack->setCurrentWidget(m_questionView);
}

bool renderDashboardScreenshots(QWidget &window, DashboardPane &pane, const QString &directory)
{
    auto *campaign = pane.findChild<QComboBox *>(QStringLiteral("dashboardCampaignCombo"));
    auto *period = pane.findChild<QComboBox *>(QStringLiteral("dashboardPeriodCombo"));
    auto *charts = pane.findChild<QTabWidget *>(QStringLiteral("dashboardChartTabs"));
    auto *aapor = pane.findChild<QTabWidget *>(QStringLiteral("aaporTabs"));
    pane.refresh();
    campaign->setCurrentIndex(std::min(1, campaign->count() - 1));
    period->setCurrentIndex(period->findData(int(DashboardSelection::Period::Last30Days)));
    const QStringList names{QStringLiteral("hours"), QStringLiteral("outcomes"), QStringLiteral("answers"),
                            QStringLiteral("funnel")};
    for (int tab = 0; tab < charts->count() && tab < names.size(); ++tab) {
        charts->setCurrentIndex(tab);
        aapor->setCurrentIndex(tab == names.size() - 1 ? 1 : 0);
        QCoreApplication::processEvents();
        const QString path = QDir(directory).filePath(QStringLiteral("dashboard-%1.png").arg(names.at(tab)));
        if (!window.grab().save(path)) {
            return false;
        }
    }
    charts->setCurrentIndex(0);
    aapor->setCurrentIndex(0);
    return true;
}

} // namespace vsc::ui
