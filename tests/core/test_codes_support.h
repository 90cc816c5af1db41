#pragma once
// A small school for the code and notice tests.
#include "db/database.h"
#include "db/school_repo.h"
#include "db/student_repo.h"

namespace tucai::test {

struct SmallSchool
{
    qint64 school = 0;
    qint64 college1 = 0, college2 = 0;
    qint64 class1 = 0, class2 = 0, class3 = 0;
    QList<qint64> class1Students;
};

inline SmallSchool seedSmallSchool(const db::Database &d, int perClass = 5)
{
    SmallSchool s;
    db::SchoolRepo schools(d);
    s.school = schools.insertSchool(QStringLiteral("10999"), QStringLiteral("测试大学"));
    s.college1 = schools.insertCollege(s.school, QStringLiteral("01"), QStringLiteral("计算机学院"));
    s.college2 = schools.insertCollege(s.school, QStringLiteral("02"), QStringLiteral("外国语学院"));
    s.class1 = schools.insertClass(s.college1, QStringLiteral("0101"), QStringLiteral("计科2201班"), 2022);
    s.class2 = schools.insertClass(s.college1, QStringLiteral("0102"), QStringLiteral("软件2201班"), 2022);
    s.class3 = schools.insertClass(s.college2, QStringLiteral("0201"), QStringLiteral("英语2201班"), 2022);
    db::StudentRepo students(d);
    const QStringList names{QStringLiteral("张伟"), QStringLiteral("王芳"), QStringLiteral("欧阳娜娜"), QStringLiteral("李强"),
                            QStringLiteral("刘洋"), QStringLiteral("陈静"), QStringLiteral("杨磊"), QStringLiteral("赵敏")};
    int n = 0;
    for (const auto &[college, cls] : {std::pair{s.college1, s.class1}, std::pair{s.college1, s.class2}, std::pair{s.college2, s.class3}}) {
        for (int i = 0; i < perClass; ++i) {
            Student st;
            st.schoolId = s.school;
            st.collegeId = college;
            st.classId = cls;
            st.studentNo = QStringLiteral("2022%1").arg(++n, 6, 10, QLatin1Char('0'));
            st.name = names.at(n % names.size());
            students.insert(st);
            if (cls == s.class1)
                s.class1Students.append(st.id);
        }
    }
    return s;
}

} // namespace tucai::test
