#include "quadrantdata.h"

#include "style/theme.h"

#include <algorithm>
#include <cmath>

namespace tp::ui {

namespace {

double major(Minor amount)
{
    return double(amount) / 100.0;
}

} // namespace

roi::Quadrant QuadrantData::quadrantAt(const QuadrantPoint &point, double likelihoodThreshold,
                                       double potentialThreshold)
{
    return roi::quadrantOf(point.likelihood, Minor(std::llround(point.potential * 100.0)),
                           likelihoodThreshold, Minor(std::llround(potentialThreshold * 100.0)));
}

double pointRadius(Minor ev, Minor maxEv)
{
    if (maxEv <= 0 || ev <= 0)
        return minPointRadius;
    const double share = std::min(1.0, double(ev) / double(maxEv));
    const double minArea = minPointRadius * minPointRadius;
    const double maxArea = maxPointRadius * maxPointRadius;
    return std::sqrt(minArea + (maxArea - minArea) * share);
}

QuadrantData quadrantData(const roi::RoiResult &result, const RoiSettings &settings)
{
    QuadrantData data;
    data.likelihoodThreshold = result.likelihoodThreshold;
    data.potentialThreshold = major(result.potentialThreshold);
    data.thresholdIsMedian = result.thresholdIsMedian;
    data.floorLikelihood = settings.floorLikelihood;
    data.floorPotential = major(settings.floorPotential);
    data.counts = result.quadrantCounts;

    Minor maxEv = 0;
    for (const roi::ScoredAccount &s : result.workList)
        maxEv = std::max(maxEv, s.ev);
    data.points.reserve(result.workList.size());
    for (const roi::ScoredAccount &s : result.workList) {
        QuadrantPoint p;
        p.account = s.row;
        p.likelihood = s.likelihood;
        p.potential = major(s.potential);
        p.radius = pointRadius(s.ev, maxEv);
        p.quadrant = s.quadrant;
        data.maxPotential = std::max(data.maxPotential, p.potential);
        if (p.potential > 0
            && (data.minPositivePotential == 0 || p.potential < data.minPositivePotential))
            data.minPositivePotential = p.potential;
        data.points.push_back(p);
    }
    return data;
}

QColor quadrantColor(roi::Quadrant quadrant, bool dark)
{
    return theme::quadrantColor(int(quadrant), dark);
}

} // namespace tp::ui
