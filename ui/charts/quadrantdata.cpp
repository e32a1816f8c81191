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
        p.thin = s.thinlyScored();
        data.thin += p.thin ? 1 : 0;
        data.maxPotential = std::max(data.maxPotential, p.potential);
        if (p.potential > 0
            && (data.minPositivePotential == 0 || p.potential < data.minPositivePotential))
            data.minPositivePotential = p.potential;
        data.points.push_back(p);
    }
    data.logFloor = logFloorOf(data);
    return data;
}

double logTop(const QuadrantData &data)
{
    const double top =
            std::max({ data.maxPotential, data.potentialThreshold, data.floorPotential, 1.0 });
    return std::pow(10.0, std::ceil(std::log10(top * 1.05)));
}

double logFloorOf(const QuadrantData &data)
{
    std::vector<double> positive;
    for (const QuadrantPoint &p : data.points)
        if (p.potential > 0)
            positive.push_back(p.potential);
    if (positive.empty())
        return 1;
    // Among many points, the lowest 2% may sit under the scale rather than stretch it.
    const std::size_t lowest = positive.size() >= 50 ? positive.size() / 50 : 0;
    std::nth_element(positive.begin(), positive.begin() + std::ptrdiff_t(lowest), positive.end());
    double floor = std::pow(10.0, std::floor(std::log10(positive[lowest])));
    // The thresholds stay on the scale.
    for (const double line : { data.potentialThreshold, data.floorPotential })
        if (line > 0)
            floor = std::min(floor, std::pow(10.0, std::floor(std::log10(line))));
    return std::max(floor, logTop(data) / 1e6);
}

QColor quadrantColor(roi::Quadrant quadrant, bool dark)
{
    return theme::quadrantColor(int(quadrant), dark);
}

} // namespace tp::ui
