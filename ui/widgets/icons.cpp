// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/icons.h"

#include <QFile>
#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

namespace vsc::ui {
namespace {

QColor colourFor(QIcon::Mode mode)
{
    const QPalette palette = QGuiApplication::palette();
    switch (mode) {
    case QIcon::Disabled:
        return palette.color(QPalette::Disabled, QPalette::WindowText);
    case QIcon::Selected:
        return palette.color(QPalette::Active, QPalette::HighlightedText);
    case QIcon::Normal:
    case QIcon::Active:
        break;
    }
    return palette.color(QPalette::Active, QPalette::WindowText);
}

// Replaces the SVG's "currentColor" with the palette colour on every paint: the palette may change at run time.
class ThemedSvgEngine final : public QIconEngine
{
public:
    explicit ThemedSvgEngine(QString path) : m_path(std::move(path))
    {
        QFile file(m_path);
        if (file.open(QIODevice::ReadOnly)) {
            m_svg = file.readAll();
        }
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        QByteArray svg = m_svg;
        svg.replace("currentColor", colourFor(mode).name(QColor::HexRgb).toLatin1());
        QSvgRenderer renderer(svg);
        renderer.render(painter, QRectF(rect));
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    // QIcon::pixmap(size, dpr) passes the size in device pixels already: draw the vector at that resolution.
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        painter.end();
        pixmap.setDevicePixelRatio(scale);
        return pixmap;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }

    [[nodiscard]] QString key() const override { return QStringLiteral("vscThemedSvg"); }

    [[nodiscard]] QIconEngine *clone() const override { return new ThemedSvgEngine(*this); }

    [[nodiscard]] bool isNull() override { return m_svg.isEmpty(); }

    [[nodiscard]] QString iconName() override { return m_path; }

private:
    QString m_path;
    QByteArray m_svg;
};

const char *fileName(Icon icon)
{
    switch (icon) {
    case Icon::Dashboard:
        return "dashboard";
    case Icon::Campaigns:
        return "campaigns";
    case Icon::Scripts:
        return "scripts";
    case Icon::LiveMonitor:
        return "live-monitor";
    case Icon::Results:
        return "results";
    case Icon::DoNotCall:
        return "do-not-call";
    case Icon::Admin:
        return "admin";
    case Icon::New:
        return "new";
    case Icon::Edit:
        return "edit";
    case Icon::Duplicate:
        return "duplicate";
    case Icon::Archive:
        return "archive";
    case Icon::Start:
        return "start";
    case Icon::Pause:
        return "pause";
    case Icon::Stop:
        return "stop";
    case Icon::Import:
        return "import";
    case Icon::Export:
        return "export";
    case Icon::HangUp:
        return "hang-up";
    case Icon::Search:
        return "search";
    case Icon::Settings:
        return "settings";
    case Icon::SignOut:
        return "sign-out";
    case Icon::Refresh:
        return "refresh";
    case Icon::Users:
        return "users";
    }
    return "new";
}

} // namespace

QString iconPath(Icon icon)
{
    return QStringLiteral(":/icons/%1.svg").arg(QLatin1String(fileName(icon)));
}

QIcon themedIcon(Icon icon)
{
    return QIcon(new ThemedSvgEngine(iconPath(icon)));
}

} // namespace vsc::ui
