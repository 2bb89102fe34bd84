// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

namespace vsc::ui {

// The console's own monochrome icons (resources/icons/*.svg: 24×24 grid, 2 px round strokes in "currentColor").
enum class Icon {
    Dashboard,
    Campaigns,
    Scripts,
    LiveMonitor,
    Results,
    DoNotCall,
    Admin,
    New,
    Edit,
    Duplicate,
    Archive,
    Start,
    Pause,
    Stop,
    Import,
    Export,
    HangUp,
    Search,
    Settings,
    SignOut,
    Refresh,
    Users,
};

// The resource name of an icon's SVG (":/icons/start.svg").
[[nodiscard]] QString iconPath(Icon icon);

// An icon drawn as a vector at paint time in the application palette's text colour (highlighted text when
// selected, the disabled text colour when disabled), so it stays crisp at any device pixel ratio and readable
// on a dark palette.
[[nodiscard]] QIcon themedIcon(Icon icon);

} // namespace vsc::ui
