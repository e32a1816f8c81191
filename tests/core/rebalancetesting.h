#pragma once

// What the rebalancing tests share: random books, the checks every proposal passes, a brute
// force over every assignment of a small book, and a plain greedy written apart from
// core/analytics (the way an outside checker would write it).

#include "analytics/rebalance.h"

#include <random>
#include <vector>

namespace tp::rebalance::testing {

struct RandomBook
{
    std::vector<Account> accounts;
    std::vector<Territory> territories;
};

// `count` accounts of skewed values (a few large, most small, some 0) in `territories`
// territories of uneven sizes; about a third locked, 15 regions, a few accounts in no
// territory, some unlocked accounts with active opportunities and capacities that bind.
RandomBook randomBook(std::mt19937 &rng, int count, int territories);
// A small book for the brute force: whole values 1..40, about a quarter locked.
RandomBook smallBook(std::mt19937 &rng, int count, int territories);

// The goal order's figures of an assignment.
struct Key
{
    bool within = false;
    double maxDeviation = 0;
    int moves = 0;
    double movedValue = 0;
};
// The best of every assignment of the book's movable accounts by the goal order (locks,
// frozen territories, capacity and the budget obeyed).
Key bruteForce(const std::vector<Account> &accounts, const std::vector<Territory> &territories,
               const Options &options);

struct Greedy
{
    bool within = false;
    double maxDeviation = 0;
    int moves = 0;
};
// Repeatedly moves, from the territory with the most m to the one with the least, the
// unlocked account that leaves the smallest largest deviation (then the pair nearest the
// mean, then the smaller account), until every territory is within tolerance or no account
// brings the pair nearer to the mean.
Greedy plainGreedy(const std::vector<Account> &accounts, const std::vector<Territory> &territories,
                   const Options &options);

// The largest |m_t / mean - 1| over the territories that are not frozen.
double maxDeviation(const std::vector<double> &loads, const std::vector<Territory> &territories);

// Every rule a proposal obeys, and its figures against the moves (GoogleTest expectations).
void expectValid(const std::vector<Account> &accounts, const std::vector<Territory> &territories,
                 const Options &options, const Proposal &proposal);

} // namespace tp::rebalance::testing
