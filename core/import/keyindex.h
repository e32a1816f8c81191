#pragma once

#include "domain/entities.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tp::crm {

// Row ids by a 64-bit hash of their key (a CRM id, or a name and account), for the import to
// tell new rows from existing ones without asking SQLite for every row. 8 bytes a slot: 32 bits
// of the hash (which also choose the slot) beside a 32-bit row id. Sized once from the expected
// row count when the caller knows it: a million opportunities take 16 MiB. Hashes can collide,
// so a lookup gives candidates that the caller checks.
class KeyIndex
{
public:
    static std::uint64_t hash(std::string_view key, std::uint64_t salt = 0);

    void reserve(std::size_t rows);
    void insert(std::uint64_t hash, Id id); // ids from 1 to 2^32 - 1
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    std::size_t bytes() const { return m_slots.size() * sizeof(Slot); }

    // Calls f(id) for every id stored under `hash`, until f returns true; returns whether it did.
    template<typename F>
    bool find(std::uint64_t hash, F &&f) const
    {
        if (m_slots.empty())
            return false;
        const std::size_t mask = m_slots.size() - 1;
        const std::uint32_t tag = tagOf(hash);
        for (std::size_t i = tag & mask; m_slots[i].id != 0; i = (i + 1) & mask) {
            if (m_slots[i].tag == tag && f(Id(m_slots[i].id)))
                return true;
        }
        return false;
    }

private:
    struct Slot
    {
        std::uint32_t tag = 0;
        std::uint32_t id = 0; // 0: empty (row ids start at 1)
    };
    static std::uint32_t tagOf(std::uint64_t hash) { return std::uint32_t(hash >> 32); }
    void place(const Slot &slot);
    void rehash(std::size_t capacity);

    std::vector<Slot> m_slots; // a power of two, at most 3/4 full
    std::size_t m_size = 0;
};

// Row ids by exact text (accounts by CRM id, reps by name as files spell them): one flat table
// of hashes and ids plus one buffer for all the keys, so a lookup touches two cache lines
// instead of a node, a string and its heap buffer.
class TextIds
{
public:
    const Id *find(std::string_view key) const;
    void insert(std::string_view key, Id id); // the key must not be there yet
    std::size_t size() const { return m_ids.size(); }

private:
    KeyIndex m_index; // hash → position in m_ids (1-based)
    std::vector<Id> m_ids;
    std::vector<std::uint32_t> m_offsets; // of each key in m_keys, plus the end
    std::string m_keys;
};

} // namespace tp::crm
