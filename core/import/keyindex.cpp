#include "keyindex.h"

#include <bit>
#include <climits>
#include <cstdint>
#include <stdexcept>

namespace tp::crm {

std::uint64_t KeyIndex::hash(std::string_view key, std::uint64_t salt)
{
    // FNV-1a, then a finaliser so that the upper half (slot and tag) depends on every byte.
    std::uint64_t h = 0xcbf29ce484222325ULL ^ (salt * 0x9e3779b97f4a7c15ULL);
    for (const char c : key) {
        h ^= std::uint8_t(c);
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

void KeyIndex::reserve(std::size_t rows)
{
    const std::size_t capacity = std::bit_ceil(rows + rows / 3 + 16);
    if (capacity > m_slots.size())
        rehash(capacity);
}

void KeyIndex::insert(std::uint64_t hash, Id id)
{
    if (id <= 0 || id > Id(UINT32_MAX))
        throw std::out_of_range("KeyIndex: row ids run from 1 to 2^32 - 1");
    if ((m_size + 1) * 4 > m_slots.size() * 3)
        rehash(m_slots.empty() ? 1024 : m_slots.size() * 2);
    place({ tagOf(hash), std::uint32_t(id) });
    ++m_size;
}

void KeyIndex::place(const Slot &slot)
{
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = slot.tag & mask;
    while (m_slots[i].id != 0)
        i = (i + 1) & mask;
    m_slots[i] = slot;
}

void KeyIndex::rehash(std::size_t capacity)
{
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(capacity, Slot{});
    for (const Slot &s : old) {
        if (s.id != 0)
            place(s);
    }
}

const Id *TextIds::find(std::string_view key) const
{
    const Id *found = nullptr;
    m_index.find(KeyIndex::hash(key), [&](Id position) {
        const auto i = std::size_t(position - 1);
        const std::string_view stored(m_keys.data() + m_offsets[i],
                                      m_offsets[i + 1] - m_offsets[i]);
        if (stored != key)
            return false;
        found = &m_ids[i];
        return true;
    });
    return found;
}

void TextIds::insert(std::string_view key, Id id)
{
    if (m_offsets.empty())
        m_offsets.push_back(0);
    m_keys.append(key);
    m_offsets.push_back(std::uint32_t(m_keys.size()));
    m_ids.push_back(id);
    m_index.insert(KeyIndex::hash(key), Id(m_ids.size()));
}

} // namespace tp::crm
