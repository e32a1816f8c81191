#pragma once

#include "analytics/roi.h"

#include <QColor>

#include <array>
#include <vector>

namespace tp::ui {

// What the ROI quadrant chart draws, computed from an evaluated scope without any pixels: the
// scored accounts as points at (likelihood, potential) whose area grows with EV, their quadrant
// (and so their colour), the two thresholds and the floors. Unscored accounts are not points.
struct QuadrantPoint
{
    int account = -1; // row in BookView::accounts
    double likelihood = 0; // 0..1
    double potential = 0; // in major units of the book currency
    double radius = 0; // in device-independent pixels
    roi::Quadrant quadrant = roi::Quadrant::Deprioritize;
    bool thin = false; // scored on fewer than half of its factors: drawn hollow
};

struct QuadrantData
{
    // Drawing order: the largest EV first, so smaller points stay visible on top.
    std::vector<QuadrantPoint> points;
    double likelihoodThreshold = 0.5; // L*
    double potentialThreshold = 0; // R*, major units
    bool thresholdIsMedian = true;
    double floorLikelihood = 0;
    double floorPotential = 0;
    double maxPotential = 0; // the largest R drawn (0 without points)
    double minPositivePotential = 0; // the smallest R above 0 (for a log scale), 0 if none
    // The bottom of the log scale, a power of ten: at most six decades under the top, and above
    // the lowest few potentials when there are many (outliers would squeeze everyone else).
    // Points under it, and those without potential, are drawn in a strip under the chart.
    double logFloor = 1;
    std::array<int, 4> counts{}; // by roi::Quadrant
    int thin = 0; // points scored on fewer than half of their factors

    // The quadrant of a point for thresholds other than the evaluated ones (a line being
    // dragged), by the same rule as METRICS.
    static roi::Quadrant quadrantAt(const QuadrantPoint &point, double likelihoodThreshold,
                                    double potentialThreshold);
};

inline constexpr double minPointRadius = 2.5;
inline constexpr double maxPointRadius = 14.0;

// Area proportional to EV between the smallest and the largest point: an EV of 0 (or below) is
// the smallest, `maxEv` the largest. `scale` shrinks every point (a crowded chart).
double pointRadius(Minor ev, Minor maxEv, double scale = 1.0);
// The scale of the points for a chart of `count` points: 1 up to 1,000 points, then smaller
// (by the square root of the crowding), at most halved.
double crowdingScale(std::size_t count);

QuadrantData quadrantData(const roi::RoiResult &result, const RoiSettings &settings);
// The top of the log scale (a power of ten above the largest potential and the thresholds),
// and its bottom (QuadrantData::logFloor).
double logTop(const QuadrantData &data);
double logFloorOf(const QuadrantData &data);

QColor quadrantColor(roi::Quadrant quadrant, bool dark);

} // namespace tp::ui
