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

double crowdingScale(std::size_t count)
{
    return count <= 1000 ? 1.0 : std::max(0.5, std::sqrt(1000.0 / double(count)));
}

double pointRadius(Minor ev, Minor maxEv, double scale)
{
    const double minArea = minPointRadius * minPointRadius;
    const double maxArea = maxPointRadius * maxPointRadius * scale * scale;
    if (maxEv <= 0 || ev <= 0)
        return minPointRadius;
    const double share = std::min(1.0, double(ev) / double(maxEv));
    return std::sqrt(minArea + std::max(0.0, maxArea - minArea) * share);
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
    const double scale = crowdingScale(result.workList.size());
    data.points.reserve(result.workList.size());
    for (const roi::ScoredAccount &s : result.workList) {
        QuadrantPoint p;
        p.account = s.row;
        p.likelihood = s.likelihood;
        p.potential = major(s.potential);
        p.radius = pointRadius(s.ev, maxEv, scale);
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
