#pragma once
#include <QByteArray>
#include <QHash>
#include <QString>

#include <atomic>

namespace tucai::demo {

// The demo school's photos: produced 480x640 JPEGs on the light-blue
// background, made from the FRLL portraits with their pupil landmarks when
// the folder is there, otherwise clearly labelled placeholder drawings.
class DemoFaces final
{
public:
    enum class Variant { Compliant, Smiling, Dark, Blurred, OffCentre };
    enum class Gender { Female, Male };
    explicit DemoFaces(const QString &facesDir);
    bool realFaces() const { return m_people > 0; }
    int people() const { return m_people > 0 ? m_people : 12; }
    // Gender of person `index % people()`: from frll/people.tsv for the portraits (so a
    // student's name can match the face); the placeholders alternate.
    Gender gender(int index) const;
    // JPEG bytes of person `index % people()` in the given variant (cached).
    QByteArray photo(Variant variant, int index);
    // Produces every person in every variant on all cores (photo() is then a lookup). Returns
    // false, with nothing cached, when `cancel` became true on the way (seconds under load).
    bool prepareAll(const std::atomic_bool *cancel = nullptr);
    static QList<Variant> allVariants();
    // The portraits folder: `explicitDir`, else TUCAI_FACES_DIR, else ../shared/faces beside
    // the working directory, its parent or the source tree of the program. Empty: none found.
    static QString findDir(const QString &explicitDir = {});

private:
    QByteArray produce(Variant variant, int person) const;
    QByteArray placeholder(Variant variant, int person) const;
    QString m_dir;
    int m_people = 0;
    QStringList m_ids;
    QList<Gender> m_genders;
    QHash<quint64, QByteArray> m_cache;
};

} // namespace tucai::demo
