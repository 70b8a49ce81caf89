#pragma once

// Internal to core/results: a hash table of custom_ids whose bytes live elsewhere (an arena).

#include <QByteArrayView>
#include <QHashFunctions>

#include <vector>

namespace Batchdesk::Results::Detail {

/**
 * Open addressing (linear probing) over item numbers: the table stores for each id only its item number and
 * hash (8 bytes a slot, at most half full), the caller's keyOf(item) gives the id's bytes. A million
 * custom_ids cost ~16 MB and no allocation each, where a QHash<QByteArray, …> allocated every key and took
 * ~90 MB. Items are never removed.
 */
class IdTable
{
public:
    static std::size_t hashOf(QByteArrayView id) { return qHash(id, 0x6a09e667u); }

    /** The item whose id equals id, or -1. keyOf(qint32 item) -> QByteArrayView. */
    template<typename KeyOf>
    qint32 find(QByteArrayView id, std::size_t hash, const KeyOf &keyOf) const
    {
        if (m_slots.empty())
            return -1;
        const quint32 h = quint32(hash);
        for (std::size_t i = h & m_mask;; i = (i + 1) & m_mask) {
            const Slot &s = m_slots[i];
            if (s.item < 0)
                return -1;
            if (s.hash == h && keyOf(s.item) == id)
                return s.item;
        }
    }

    /** Adds item under hash (the caller knows the id is not in the table yet). */
    void insert(qint32 item, std::size_t hash)
    {
        if ((m_count + 1) * 2 > m_slots.size())
            grow();
        place(Slot {item, quint32(hash)});
        ++m_count;
    }

    std::size_t size() const { return m_count; }

private:
    struct Slot
    {
        qint32 item = -1;
        quint32 hash = 0;
    };

    void place(const Slot &slot)
    {
        std::size_t i = slot.hash & m_mask;
        while (m_slots[i].item >= 0)
            i = (i + 1) & m_mask;
        m_slots[i] = slot;
    }

    void grow()
    {
        std::vector<Slot> old;
        old.swap(m_slots);
        m_slots.assign(old.empty() ? 1024 : old.size() * 2, Slot {});
        m_mask = m_slots.size() - 1;
        for (const Slot &s : old) {
            if (s.item >= 0)
                place(s);
        }
    }

    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
    std::size_t m_count = 0;
};

} // namespace Batchdesk::Results::Detail
