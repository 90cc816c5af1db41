#include "demo/demo_generator.h"

#include "accounts/password.h"
#include "checks/check_engine.h"
#include "db/audit_repo.h"
#include "db/batch_insert.h"
#include "db/database.h"
#include "db/misc_repos.h"
#include "db/photo_repo.h"
#include "db/school_repo.h"
#include "db/staff_repo.h"
#include "demo/demo_faces.h"
#include "demo/demo_random.h"
#include "model/id_number.h"
#include "model/records.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentMap>

namespace tucai::demo {
namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

const char *const kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
                                 "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
                                 "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏",
                                 "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "欧阳"};
// Given-name characters by the face's gender (the demo photos are real portraits: a woman
// should not be called 蔡杰浩). The two lists share no character.
const char *const kGivenFemale[] = {"芳", "娜", "敏", "静", "丽", "艳", "娟", "秀", "霞", "桂", "英", "玉", "萍", "红", "欣",
                                    "怡", "佳", "雨", "梓", "涵", "思", "琪", "悦", "诺", "瑶", "婷", "雪", "晓", "琳", "颖",
                                    "倩", "莉", "婉", "妍", "璐", "月", "丹", "蕾", "薇", "雯"};
const char *const kGivenMale[] = {"伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "平", "刚", "华", "鹏", "辉",
                                  "宇", "浩", "晨", "睿", "博", "轩", "子", "嘉", "文", "航", "一", "泽", "健", "俊", "峰",
                                  "凯", "斌", "毅", "豪", "翔", "坤", "宏", "亮", "东", "林"};

struct CollegeDef { const char *code; const char *name; const char *abbr; };
const CollegeDef kColleges[] = {
    {"01", "计算机科学与技术学院", "计科"}, {"02", "外国语学院", "外语"}, {"03", "经济管理学院", "经管"},
    {"04", "机械工程学院", "机械"},         {"05", "艺术设计学院", "艺设"},
};
const char *const kRegions[] = {"320102", "320106", "320203", "320305", "320402", "320506", "320602", "321002",
                                "110105", "310104", "330106", "340104", "370102", "410105", "420106", "510107"};

const DemoAccount kAccounts[] = {
    {"admin", "Admin@2026", "school_admin"},       {"college01", "College@2026", "college_admin"},
    {"college02", "College@2026", "college_admin"}, {"college03", "College@2026", "college_admin"},
    {"reviewer1", "Review@2026", "reviewer"},      {"reviewer2", "Review@2026", "reviewer"},
};

// Share of each state in the demo school (sums to 1).
struct StateShare { StudentState state; double share; };
const StateShare kShares[] = {
    {StudentState::NotStarted, 0.14},     {StudentState::Verified, 0.04},       {StudentState::Drafting, 0.12},
    {StudentState::CoolingOff, 0.05},     {StudentState::LockedLiveness, 0.04}, {StudentState::AwaitingPayment, 0.06},
    {StudentState::AwaitingReview, 0.25}, {StudentState::Approved, 0.22},       {StudentState::Returned, 0.08},
};

const char *const kReturnReasons[] = {"background", "uneven_light", "not_sharp", "off_centre", "mouth_open", "head_too_small"};

QString makeName(DemoRandom &r, DemoFaces::Gender gender)
{
    QString name = QString::fromUtf8(kSurnames[r.below(int(std::size(kSurnames)))]);
    const int chars = r.chance(0.7) ? 2 : 1;
    for (int i = 0; i < chars; ++i)
        name += QString::fromUtf8(gender == DemoFaces::Gender::Female ? kGivenFemale[r.below(int(std::size(kGivenFemale)))]
                                                                      : kGivenMale[r.below(int(std::size(kGivenMale)))]);
    return name;
}

QString makeIdNumber(DemoRandom &r, int serial)
{
    const QDate birth = QDate(2000, 1, 1).addDays(r.below(5 * 365));
    QString first17 = QString::fromLatin1(kRegions[r.below(int(std::size(kRegions)))]) + birth.toString(QStringLiteral("yyyyMMdd"))
        + QStringLiteral("%1").arg(serial % 1000, 3, 10, QLatin1Char('0'));
    return first17 + idNumberCheckChar(first17);
}

QString makePhone(DemoRandom &r)
{
    static const char *const prefixes[] = {"135", "136", "138", "139", "150", "151", "152", "158", "177", "180", "186", "188", "199"};
    return QString::fromLatin1(prefixes[r.below(int(std::size(prefixes)))])
        + QStringLiteral("%1").arg(r.below(100000000), 8, 10, QLatin1Char('0'));
}

StudentState pickState(DemoRandom &r)
{
    double x = r.unit();
    for (const auto &s : kShares) {
        if (x < s.share)
            return s.state;
        x -= s.share;
    }
    return StudentState::AwaitingReview;
}

void throwIfNotEmpty(const db::Database &db)
{
    if (db::Query(db, QStringLiteral("SELECT COUNT(*) FROM schools")).scalar().toLongLong() > 0)
        throw db::DbError(db::DbError::Kind::Invalid,
                          QCoreApplication::translate("Demo", "The database already holds a school; the demo school is only created in an empty database."));
}

} // namespace

QString givenNameCharacters(DemoFaces::Gender gender)
{
    QString out;
    if (gender == DemoFaces::Gender::Female)
        for (const char *c : kGivenFemale)
            out += QString::fromUtf8(c);
    else
        for (const char *c : kGivenMale)
            out += QString::fromUtf8(c);
    return out;
}

const DemoAccount *demoAccounts(int *count)
{
    if (count)
        *count = int(std::size(kAccounts));
    return kAccounts;
}

bool isDemoDatabase(const db::Database &db)
{
    try {
        const auto school = db::SchoolRepo(db).firstSchool();
        return school && !db::SettingsRepo(db).value(school->id, QString::fromLatin1(kDemoSchoolSetting)).isEmpty();
    } catch (const db::DbError &) {
        return false;
    }
}

DemoSummary createDemoSchool(const db::Database &db, const DemoOptions &opt)
{
    DemoSummary summary;
    throwIfNotEmpty(db);
    const qint64 now = opt.nowMs ? opt.nowMs : QDateTime::currentMSecsSinceEpoch() / kHour * kHour;
    const qint64 windowStart = now - 20 * kDay;
    DemoRandom rnd(opt.seed);
    DemoFaces faces(opt.facesDir);
    summary.realFaces = faces.realFaces();
    if (opt.progress)
        opt.progress(0, 1, QCoreApplication::translate("Demo", "photos"));
    if (!faces.prepareAll(opt.cancel)) {
        summary.cancelled = true;
        return summary;
    }
    auto report = [&](int done, int total, const QString &stage) {
        if (opt.progress)
            opt.progress(done, total, stage);
    };
    auto cancelled = [&] { return opt.cancel && opt.cancel->load(); };

    db::Transaction tx(db);
    db::SchoolRepo schools(db);
    const qint64 schoolId = schools.insertSchool(QStringLiteral("10999"), QStringLiteral("江南示范大学"));

    // Colleges and classes: about 35 students a class.
    const int nColleges = int(std::size(kColleges));
    const int classesPerCollege = std::max(3, (opt.students + nColleges * 35 - 1) / (nColleges * 35));
    QList<qint64> collegeIds;
    QList<QPair<qint64, qint64>> classIds; // (class, college)
    QList<QString> classCodes;
    for (const auto &c : kColleges) {
        const qint64 cid = schools.insertCollege(schoolId, QString::fromLatin1(c.code), QString::fromUtf8(c.name));
        collegeIds.append(cid);
        for (int k = 0; k < classesPerCollege; ++k) {
            const int grade = 2022;
            const QString code = QStringLiteral("%1%2").arg(QString::fromLatin1(c.code)).arg(k + 1, 2, 10, QLatin1Char('0'));
            const QString name = QStringLiteral("%1%2%3班").arg(QString::fromUtf8(c.abbr)).arg(grade % 100).arg(k + 1, 2, 10, QLatin1Char('0'));
            classIds.append({schools.insertClass(cid, code, name, grade), cid});
            classCodes.append(code);
        }
    }
    summary.colleges = nColleges;
    summary.classes = int(classIds.size());

    // Staff with documented demo passwords.
    db::StaffRepo staffRepo(db);
    QList<qint64> reviewerIds;
    for (const auto &a : kAccounts) {
        Staff s;
        s.schoolId = schoolId;
        s.username = QString::fromLatin1(a.username);
        s.role = staffRoleFromDb(QString::fromLatin1(a.role));
        const QString user = s.username;
        if (s.role == StaffRole::SchoolAdmin)
            s.displayName = QStringLiteral("学校管理员");
        else if (s.role == StaffRole::CollegeAdmin) {
            const int idx = user.right(2).toInt() - 1;
            s.collegeId = collegeIds.value(idx);
            s.displayName = QString::fromUtf8(kColleges[idx].abbr) + QStringLiteral("学院管理员");
        } else
            s.displayName = QStringLiteral("审核员") + user.right(1);
        s.passwordHash = accounts::hashPassword(QString::fromLatin1(a.password));
        staffRepo.insert(s);
        if (s.role == StaffRole::Reviewer) {
            reviewerIds.append(s.id);
            // reviewer1: colleges 1-3, reviewer2: colleges 4-5
            const int from = reviewerIds.size() == 1 ? 0 : 3;
            const int to = reviewerIds.size() == 1 ? 3 : nColleges;
            for (int i = from; i < to; ++i)
                staffRepo.addScope(s.id, collegeIds.at(i));
        }
        ++summary.staff;
    }

    // Collection settings read by the student side.
    db::SettingsRepo settings(db);
    const QList<QPair<QString, QString>> defaults = {
        {QStringLiteral("window_start"), QString::number(windowStart)},
        {QStringLiteral("window_end"), QString::number(now + 40 * kDay)},
        {QStringLiteral("daily_hours"), QStringLiteral("08:00-21:00")},
        {QStringLiteral("liveness_failures_before_lock"), QStringLiteral("3")},
        {QStringLiteral("other_failures_before_cooling"), QStringLiteral("3")},
        {QStringLiteral("cooling_minutes"), QStringLiteral("30")},
        {QStringLiteral("draft_capacity"), QStringLiteral("5")},
        {QStringLiteral("draft_retention_hours"), QStringLiteral("24")},
        {QStringLiteral("payment_required"), QStringLiteral("1")},
        {QStringLiteral("fee_cents"), QStringLiteral("1500")},
        {QStringLiteral("video_required"), QStringLiteral("1")},
        {QString::fromLatin1(kDemoSchoolSetting), QString::number(opt.seed)},
    };
    for (const auto &kv : defaults)
        settings.set(schoolId, kv.first, kv.second, 0);

    // Notices: one published for the school, one scheduled for a college, one draft.
    db::NoticeRepo notices(db);
    const QString body = QStringLiteral(
        "<h2>2026届毕业生图像采集通知</h2><p>请全体毕业生于采集时间内使用手机完成<b>学历证书电子注册图像采集</b>。</p>"
        "<ul><li>背景：浅蓝色（系统自动替换）</li><li>尺寸：480×640 像素</li><li>费用：15 元（电子照片 + 5 张冲印）</li></ul>"
        "<p>咨询：学生处 025-8888 0000</p>");
    Notice n1;
    n1.schoolId = schoolId;
    n1.title = QStringLiteral("2026届毕业生图像采集通知");
    n1.bodyHtml = body;
    n1.windowStart = windowStart;
    n1.windowEnd = now + 40 * kDay;
    n1.dailyHours = QStringLiteral("08:00-21:00");
    n1.feeCents = 1500;
    n1.contacts = QStringLiteral("学生处 025-8888 0000");
    n1.state = QStringLiteral("published");
    n1.publishedAt = windowStart - kDay;
    n1.createdAt = windowStart - 2 * kDay;
    notices.insert(n1);
    Notice n2 = n1;
    n2.collegeId = collegeIds.at(0);
    n2.title = QStringLiteral("计算机学院补采安排");
    n2.bodyHtml = QStringLiteral("<p>未完成采集的同学请于下周完成补采。</p>");
    n2.state = QStringLiteral("scheduled");
    n2.publishAt = now + 2 * kDay;
    n2.publishedAt = 0;
    notices.insert(n2);
    Notice n3 = n1;
    n3.title = QStringLiteral("照片导出与冲印说明（草稿）");
    n3.bodyHtml = QStringLiteral("<p>审核通过的照片将统一导出。</p>");
    n3.state = QStringLiteral("draft");
    n3.publishedAt = 0;
    notices.insert(n3);

    db::BatchInsert students(db, QStringLiteral("students"),
                             {QStringLiteral("id"), QStringLiteral("school_id"), QStringLiteral("college_id"), QStringLiteral("class_id"),
                              QStringLiteral("student_no"), QStringLiteral("name"), QStringLiteral("id_number"), QStringLiteral("phone"),
                              QStringLiteral("paid"), QStringLiteral("state"), QStringLiteral("liveness_failures"),
                              QStringLiteral("other_failures"), QStringLiteral("submissions"), QStringLiteral("lock_kind"),
                              QStringLiteral("locked_until"), QStringLiteral("notify_opt_in"), QStringLiteral("return_reasons"),
                              QStringLiteral("created_at"), QStringLiteral("updated_at"), QStringLiteral("row_version")});
    db::BatchInsert attempts(db, QStringLiteral("capture_attempts"),
                             {QStringLiteral("student_id"), QStringLiteral("college_id"), QStringLiteral("occurred_at"),
                              QStringLiteral("kind"), QStringLiteral("passed"), QStringLiteral("reason")});
    db::BatchInsert photos(db, QStringLiteral("photos"),
                           {QStringLiteral("id"), QStringLiteral("student_id"), QStringLiteral("college_id"), QStringLiteral("class_id"),
                            QStringLiteral("kind"), QStringLiteral("status"), QStringLiteral("sha256"), QStringLiteral("stored_at"),
                            QStringLiteral("submitted_at"), QStringLiteral("decision"), QStringLiteral("reasons"),
                            QStringLiteral("reviewer_id"), QStringLiteral("decided_at"), QStringLiteral("row_version"),
                            QStringLiteral("check_report"), QStringLiteral("check_passed"), QStringLiteral("engine_version"),
                            QStringLiteral("profile_version"), QStringLiteral("checked_at")});
    db::BatchInsert violations(db, QStringLiteral("photo_violations"), {QStringLiteral("photo_id"), QStringLiteral("rule")});
    db::BatchInsert outbox(db, QStringLiteral("notification_outbox"),
                           {QStringLiteral("created_at"), QStringLiteral("student_id"), QStringLiteral("kind"),
                            QStringLiteral("payload_json"), QStringLiteral("idempotency_key"), QStringLiteral("status"),
                            QStringLiteral("attempts"), QStringLiteral("next_attempt_at")});

    attempts.dependsOn(students);
    photos.dependsOn(students);
    violations.dependsOn(photos);
    outbox.dependsOn(students);

    // One check per distinct photo, on all cores; stored on every submitted photo with those bytes.
    struct Checked { QString json; bool passed = false; QStringList violated; };
    QHash<QString, Checked> checkedBySha;
    const checks::CheckProfile profile = checks::CheckProfile::loadDefault();
    if (opt.runChecks) {
        QList<QByteArray> distinct;
        for (DemoFaces::Variant v : DemoFaces::allVariants())
            for (int person = 0; person < faces.people(); ++person)
                distinct.append(faces.photo(v, person));
        const checks::CheckEngine engine(profile);
        const QList<Checked> results = QtConcurrent::blockingMapped(distinct, [&engine](const QByteArray &bytes) {
            checks::CheckReport r = engine.check(bytes);
            r.ms = 0; // timings differ run to run; the stored report should not
            Checked c;
            c.json = QString::fromUtf8(QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact));
            c.passed = r.passed;
            for (const checks::RuleResult &v : r.violations())
                c.violated.append(v.rule);
            return c;
        });
        for (qsizetype i = 0; i < distinct.size(); ++i)
            checkedBySha.insert(db::PhotoRepo::sha256Hex(distinct.at(i)), results.at(i));
    }

    db::PhotoRepo photoRepo(db);
    QHash<quint64, QString> shaOf; // (variant, person) -> sha of the stored bytes
    auto storePhoto = [&](DemoFaces::Variant v, int person) {
        const quint64 key = (quint64(v) << 32) | quint64(person % faces.people());
        auto it = shaOf.constFind(key);
        if (it != shaOf.constEnd())
            return *it;
        const QString sha = photoRepo.putBlob(faces.photo(v, person));
        shaOf.insert(key, sha);
        return sha;
    };

    // Rows of the current student are held back until the student row itself is queued.
    QList<QVariantList> pendingPhotos, pendingAttempts, pendingOutbox, pendingViolations;
    qint64 photoId = 0;
    auto addPhoto = [&](const Student &s, const QString &kind, const QString &status, const QString &sha, qint64 storedAt,
                        qint64 submittedAt, const QString &decision, const QString &reasons, qint64 reviewer, qint64 decidedAt) {
        ++photoId;
        const auto checked = kind == QLatin1String("submitted") ? checkedBySha.constFind(sha) : checkedBySha.constEnd();
        const bool hasCheck = checked != checkedBySha.constEnd();
        pendingPhotos.append({photoId, s.id, s.collegeId, s.classId, kind, status, sha, storedAt,
                    submittedAt ? QVariant(submittedAt) : QVariant(), decision.isEmpty() ? QVariant() : QVariant(decision), reasons,
                    reviewer ? QVariant(reviewer) : QVariant(), decidedAt ? QVariant(decidedAt) : QVariant(), 1,
                    hasCheck ? QVariant(checked->json) : QVariant(), hasCheck ? QVariant(checked->passed ? 1 : 0) : QVariant(),
                    hasCheck ? QVariant(checks::CheckEngine::version()) : QVariant(),
                    hasCheck ? QVariant(profile.version()) : QVariant(), hasCheck ? QVariant(submittedAt + 1000) : QVariant()});
        if (hasCheck) {
            ++summary.checkedPhotos;
            for (const QString &rule : checked->violated)
                pendingViolations.append({photoId, rule});
        }
        return photoId;
    };
    auto addAttempt = [&](const Student &s, qint64 at, const char *kind, bool passed, const QString &reason) {
        pendingAttempts.append({s.id, s.collegeId, at, QString::fromLatin1(kind), passed ? 1 : 0, reason});
    };

    // Every decision told the student (as DecisionService does), long since delivered.
    auto addDecisionNotice = [&](const Student &s, qint64 photo, const QString &decision, const QString &reasons, qint64 at) {
        const QString kind = QStringLiteral("photo.") + decision;
        pendingOutbox.append({at, s.id, kind,
                              QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("photo"), photo},
                                                                          {QStringLiteral("reasons"), reasons}})
                                                    .toJson(QJsonDocument::Compact)),
                              QStringLiteral("%1:%2:1").arg(kind).arg(photo), QStringLiteral("delivered"), 1, QVariant()});
    };

    db::AuditRepo audit(db);
    const int total = opt.students;
    int perClassSeq = 0;
    for (int i = 0; i < total; ++i) {
        if (cancelled()) {
            summary.cancelled = true;
            return summary; // the transaction rolls back: nothing half-made is kept
        }
        const auto &cls = classIds.at(i % classIds.size());
        perClassSeq = i / int(classIds.size()) + 1;
        Student s;
        s.id = i + 1;
        s.schoolId = schoolId;
        s.classId = cls.first;
        s.collegeId = cls.second;
        s.studentNo = QStringLiteral("2022%1%2").arg(classCodes.at(i % classIds.size())).arg(perClassSeq, 3, 10, QLatin1Char('0'));
        // The face first: the name follows its gender.
        const int person = rnd.below(1 << 20);
        s.name = makeName(rnd, faces.gender(person));
        s.idNumber = makeIdNumber(rnd, i);
        s.phone = makePhone(rnd);
        s.state = pickState(rnd);
        s.notifyOptIn = rnd.chance(0.45);
        s.createdAt = windowStart - 5 * kDay;
        qint64 t = windowStart + qint64(rnd.below(18 * 24)) * kHour;
        if (t > now - kHour)
            t = now - kHour;
        // Every state but "not started" has verified and shot at least once.
        switch (s.state) {
        case StudentState::NotStarted:
        case StudentState::Verified:
            break;
        case StudentState::Drafting:
            addAttempt(s, t, "liveness", true, {});
            addAttempt(s, t + kMinute, "quality", true, {});
            addPhoto(s, QStringLiteral("draft"), QStringLiteral("draft"), storePhoto(DemoFaces::Variant::Compliant, person), t + kMinute, 0, {}, {}, 0, 0);
            if (rnd.chance(0.5))
                addPhoto(s, QStringLiteral("draft"), QStringLiteral("draft"), storePhoto(DemoFaces::Variant::Smiling, person),
                         t + 5 * kMinute, 0, {}, {}, 0, 0);
            break;
        case StudentState::CoolingOff: {
            s.otherFailures = 3;
            s.lockKind = QStringLiteral("cooling");
            s.lockedUntil = now + qint64(rnd.between(5, 120)) * kMinute;
            const qint64 last = std::min(now - kMinute, s.lockedUntil - 30 * kMinute);
            for (int k = 0; k < 3; ++k)
                addAttempt(s, last - (2 - k) * 3 * kMinute, "quality", false,
                           QString::fromUtf8(k % 2 ? "光线不均/阴阳脸" : "头部过小"));
            break;
        }
        case StudentState::LockedLiveness:
            s.livenessFailures = 3;
            s.lockKind = QStringLiteral("liveness");
            for (int k = 0; k < 3; ++k)
                addAttempt(s, t + k * 2 * kMinute, "liveness", false, QStringLiteral("活体检测未通过"));
            break;
        case StudentState::AwaitingPayment:
        case StudentState::AwaitingReview:
        case StudentState::Approved:
        case StudentState::Returned: {
            addAttempt(s, t, "liveness", true, {});
            if (rnd.chance(0.3)) {
                addAttempt(s, t + kMinute, "quality", false, QStringLiteral("背景不符"));
                ++s.otherFailures;
            }
            addAttempt(s, t + 2 * kMinute, "quality", true, {});
            const qint64 stored = t + 2 * kMinute;
            const qint64 submitted = stored + 10 * kMinute;
            s.paid = s.state != StudentState::AwaitingPayment;
            s.submissions = 1;
            const QString good = storePhoto(DemoFaces::Variant::Compliant, person);
            addPhoto(s, QStringLiteral("draft"), QStringLiteral("draft"), good, stored, 0, {}, {}, 0, 0);
            const qint64 reviewer = reviewerIds.at(s.collegeId <= collegeIds.at(2) ? 0 : 1);
            const qint64 decided = std::min(now - kMinute, submitted + qint64(rnd.between(1, 48)) * kHour);
            if (s.state == StudentState::AwaitingPayment)
                addPhoto(s, QStringLiteral("submitted"), QStringLiteral("awaiting_payment"), good, stored, submitted, {}, {}, 0, 0);
            else if (s.state == StudentState::AwaitingReview) {
                if (rnd.chance(0.2)) {
                    // An earlier submission that was returned, then a new one.
                    const QString bad = storePhoto(DemoFaces::Variant::Blurred, person);
                    const qint64 earlier = addPhoto(s, QStringLiteral("submitted"), QStringLiteral("returned"), bad, stored - kDay,
                                                    submitted - kDay, QStringLiteral("returned"), QStringLiteral("not_sharp"), reviewer,
                                                    submitted - kDay + kHour);
                    addDecisionNotice(s, earlier, QStringLiteral("returned"), QStringLiteral("not_sharp"), submitted - kDay + kHour);
                    s.submissions = 2;
                }
                const DemoFaces::Variant v = rnd.chance(0.8) ? DemoFaces::Variant::Compliant
                    : rnd.chance(0.5)                        ? DemoFaces::Variant::Smiling
                                                             : DemoFaces::Variant::Dark;
                addPhoto(s, QStringLiteral("submitted"), QStringLiteral("submitted"), storePhoto(v, person), stored, submitted, {}, {},
                         0, 0);
            } else if (s.state == StudentState::Approved) {
                const qint64 pid = addPhoto(s, QStringLiteral("submitted"), QStringLiteral("approved"), good, stored, submitted,
                                            QStringLiteral("approved"), {}, reviewer, decided);
                addDecisionNotice(s, pid, QStringLiteral("approved"), {}, decided);
            } else {
                const int which = rnd.below(4);
                const DemoFaces::Variant v = which == 0 ? DemoFaces::Variant::Dark
                    : which == 1                        ? DemoFaces::Variant::Blurred
                    : which == 2                        ? DemoFaces::Variant::OffCentre
                                                        : DemoFaces::Variant::Smiling;
                const QString reason = QString::fromLatin1(which == 0 ? "uneven_light" : which == 1 ? "not_sharp" : which == 2 ? "off_centre" : "mouth_open");
                s.returnReasons = reason;
                const qint64 pid = addPhoto(s, QStringLiteral("submitted"), QStringLiteral("returned"), storePhoto(v, person), stored,
                                            submitted, QStringLiteral("returned"), reason, reviewer, decided);
                addDecisionNotice(s, pid, QStringLiteral("returned"), reason, decided);
            }
            break;
        }
        default:
            break;
        }
        s.updatedAt = std::max(s.createdAt, t);
        students.add({s.id, s.schoolId, s.collegeId, s.classId, s.studentNo, s.name, s.idNumber, s.phone, s.paid ? 1 : 0,
                      toDbString(s.state), s.livenessFailures, s.otherFailures, s.submissions, s.lockKind,
                      s.lockedUntil ? QVariant(s.lockedUntil) : QVariant(), s.notifyOptIn ? 1 : 0, s.returnReasons, s.createdAt,
                      s.updatedAt, 1});
        for (const QVariantList &row : std::as_const(pendingPhotos))
            photos.add(row);
        for (const QVariantList &row : std::as_const(pendingAttempts))
            attempts.add(row);
        for (const QVariantList &row : std::as_const(pendingOutbox))
            outbox.add(row);
        for (const QVariantList &row : std::as_const(pendingViolations))
            violations.add(row);
        pendingViolations.clear();
        pendingPhotos.clear();
        pendingAttempts.clear();
        pendingOutbox.clear();
        ++summary.students;
        if ((i + 1) % 500 == 0 || i + 1 == total)
            report(i + 1, total, QCoreApplication::translate("Demo", "students"));
    }
    // Students first: photos and attempts refer to them.
    students.flush();
    photos.flush();
    violations.flush();
    attempts.flush();
    outbox.flush();
    db::BatchInsert::syncIds(db, QStringLiteral("students"));
    db::BatchInsert::syncIds(db, QStringLiteral("photos"));

    // A little audit history so the audit page is not empty.
    AuditEntry e;
    e.occurredAt = windowStart - kDay;
    e.staffId = 1;
    e.staffName = QStringLiteral("admin");
    e.action = QStringLiteral("settings.change");
    e.targetType = QStringLiteral("settings");
    e.targetId = QStringLiteral("payment_required");
    e.reason = QStringLiteral("按学校通知收费");
    e.beforeJson = QStringLiteral("{\"payment_required\":\"0\"}");
    e.afterJson = QStringLiteral("{\"payment_required\":\"1\"}");
    audit.append(e);
    AuditEntry e2 = e;
    e2.occurredAt = windowStart - kDay + kHour;
    e2.action = QStringLiteral("notice.publish");
    e2.targetType = QStringLiteral("notice");
    e2.targetId = QString::number(n1.id);
    e2.reason = QString();
    e2.beforeJson = QStringLiteral("{\"state\":\"draft\"}");
    e2.afterJson = QStringLiteral("{\"state\":\"published\"}");
    audit.append(e2);

    summary.photos = int(photoId);
    summary.distinctPhotos = int(shaOf.size());
    tx.commit();
    return summary;
}

} // namespace tucai::demo
