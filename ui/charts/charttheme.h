#pragma once

#include "domain/money.h"

#include <QString>

class QChart;
class QValueAxis;

namespace tp::ui {

// Light or dark chart theme from the application palette, axes in the window's text colour
// and font: every chart of the app looks like the window it sits in.
void applyChartTheme(QChart *chart);

// A money axis in readable units: amounts up to `max` (minor units) shown in units, thousands
// or millions, the unit named in the axis title ("USD thousands"). Returns the divisor
// from major units to axis units.
double setMoneyAxis(QValueAxis *axis, Minor max, const QString &currency);

} // namespace tp::ui
