// SPDX-License-Identifier: GPL-3.0-or-later
// PasswordHasher (argon2id through libsodium) and PasswordPolicy (length, username, common passwords, patterns).
#include "services/auth/local/passwordhasher.h"
#include "services/auth/local/passwordpolicy.h"

#include <QTest>

using namespace vsc;
using namespace vsc::services::auth;

namespace {
const QByteArray kPassword("correct horse battery staple");
const QString kUser = QStringLiteral("alice");
} // namespace

class TestPasswords : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hashIsArgon2id();
    void verifyAtInteractiveCost();
    void verifyRejectsWrongPasswordAndGarbage();
    void saltMakesHashesDiffer();
    void needsRehash();
    void emptyAndBinaryPasswords();

    void policyLength();
    void policyCountsCodePoints();
    void policyUsername();
    void policyCommonPasswords_data();
    void policyCommonPasswords();
    void policyPatterns_data();
    void policyPatterns();
    void policyAcceptsStrongPasswords_data();
    void policyAcceptsStrongPasswords();
    void detailNeverContainsPassword_data();
    void detailNeverContainsPassword();
};

void TestPasswords::hashIsArgon2id()
{
    const PasswordHasher hasher(PasswordHasher::Cost::Minimum);
    const Result<QString> hash = hasher.hash(kPassword);
    QVERIFY2(hash.ok(), qPrintable(hash.ok() ? QString() : hash.error().toString()));
    QVERIFY2(hash.value().startsWith(QLatin1String("$argon2id$v=19$")), qPrintable(hash.value()));
    QVERIFY(!hash.value().contains(QString::fromLatin1(kPassword)));
}

// The one test at the real cost: what sign-in pays.
void TestPasswords::verifyAtInteractiveCost()
{
    const PasswordHasher hasher; // Cost::Interactive
    QCOMPARE(hasher.cost(), PasswordHasher::Cost::Interactive);
    const Result<QString> hash = hasher.hash(kPassword);
    QVERIFY(hash.ok());
    QVERIFY2(hash.value().contains(QLatin1String("$m=65536,t=2,p=1$")), qPrintable(hash.value()));
    QVERIFY(hasher.verify(hash.value(), kPassword));
    QVERIFY(!hasher.verify(hash.value(), QByteArrayView("correct horse battery stapl")));
    QVERIFY(!hasher.needsRehash(hash.value()));
}

void TestPasswords::verifyRejectsWrongPasswordAndGarbage()
{
    const PasswordHasher hasher(PasswordHasher::Cost::Minimum);
    const QString stored = hasher.hash(kPassword).value();
    QVERIFY(hasher.verify(stored, kPassword));
    QVERIFY(!hasher.verify(stored, QByteArrayView("Correct horse battery staple")));
    QVERIFY(!hasher.verify(stored, QByteArrayView()));

    QVERIFY(!hasher.verify(QString(), kPassword));
    QVERIFY(!hasher.verify(QStringLiteral("garbage"), kPassword));
    QVERIFY(!hasher.verify(QStringLiteral("$argon2id$v=19$m=8,t=1,p=1$not-base64$!!"), kPassword));
    QVERIFY(!hasher.verify(stored.left(stored.size() - 4), kPassword));          // truncated hash
    QVERIFY(!hasher.verify(stored + QString(200, QLatin1Char('A')), kPassword)); // longer than crypto_pwhash_STRBYTES
    QVERIFY(!hasher.verify(stored + QChar(0x00e9), kPassword));                  // non-ASCII
    QVERIFY(hasher.needsRehash(QStringLiteral("garbage")));
}

void TestPasswords::saltMakesHashesDiffer()
{
    const PasswordHasher hasher(PasswordHasher::Cost::Minimum);
    const QString first = hasher.hash(kPassword).value();
    const QString second = hasher.hash(kPassword).value();
    QVERIFY(first != second);
    QVERIFY(hasher.verify(first, kPassword));
    QVERIFY(hasher.verify(second, kPassword));
}

void TestPasswords::needsRehash()
{
    const PasswordHasher minimum(PasswordHasher::Cost::Minimum);
    const QString weak = minimum.hash(kPassword).value();
    QVERIFY(!minimum.needsRehash(weak));
    // Cost is only compared, nothing is hashed: the Interactive hasher answers at once.
    QVERIFY(PasswordHasher(PasswordHasher::Cost::Interactive).needsRehash(weak));
    QVERIFY(PasswordHasher(PasswordHasher::Cost::Moderate).needsRehash(weak));
    // A hash from a stronger setting than ours also differs, so it is rewritten at our cost.
    QVERIFY(minimum.needsRehash(QStringLiteral(
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXphYmNkZWY")));
    // argon2i (older libsodium default) verifies but is rewritten as argon2id.
    QVERIFY(minimum.needsRehash(QStringLiteral(
        "$argon2i$v=19$m=8,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXphYmNkZWY")));
}

void TestPasswords::emptyAndBinaryPasswords()
{
    const PasswordHasher hasher(PasswordHasher::Cost::Minimum);
    const QByteArray binary("a\0b\xff", 4);
    const QString stored = hasher.hash(binary).value();
    QVERIFY(hasher.verify(stored, binary));
    QVERIFY(!hasher.verify(stored, QByteArrayView("a"))); // bytes after a NUL count
    const QString utf8 = hasher.hash(QStringLiteral("pässwörd ✓").toUtf8()).value();
    QVERIFY(hasher.verify(utf8, QStringLiteral("pässwörd ✓").toUtf8()));
}

void TestPasswords::policyLength()
{
    const PasswordPolicy policy;
    QCOMPARE(PasswordPolicy::kMinimumLength, 12);
    const Result<void> tooShort = policy.check(QStringLiteral("vK3#qLm9!tZ"), kUser); // 11
    QVERIFY(!tooShort.ok());
    QCOMPARE(tooShort.error().code, ErrorCode::PasswordPolicy);
    QVERIFY2(tooShort.error().detail.contains(QLatin1String("12 characters")), qPrintable(tooShort.error().detail));
    const Result<void> twelve = policy.check(QStringLiteral("vK3#qLm9!tZw"), kUser);
    QVERIFY2(twelve.ok(), qPrintable(twelve.ok() ? QString() : twelve.error().toString()));
    QVERIFY(!policy.check(QString(), kUser).ok());
}

void TestPasswords::policyCountsCodePoints()
{
    const PasswordPolicy policy;
    // 12 different emoji: 24 UTF-16 units, 12 characters.
    QString twelveEmoji;
    for (char32_t c : {U'😀', U'🚀', U'🎉', U'🐍', U'🌍', U'🔑', U'🍕', U'🎸', U'🦊', U'🌈', U'📦', U'🧩'})
        twelveEmoji += QString::fromUcs4(&c, 1);
    QCOMPARE(twelveEmoji.size(), 24);
    const Result<void> ok = policy.check(twelveEmoji, kUser);
    QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().toString()));
    // 11 emoji are 22 UTF-16 units: still too short.
    const Result<void> eleven = policy.check(twelveEmoji.left(22), kUser);
    QVERIFY(!eleven.ok());
    QVERIFY(eleven.error().detail.contains(QLatin1String("shorter")));
    // Twelve times the same emoji is one repeated character.
    QString repeated;
    for (int i = 0; i < 12; ++i)
        repeated += QStringLiteral("🔑");
    QVERIFY(!policy.check(repeated, kUser).ok());
}

void TestPasswords::policyUsername()
{
    const PasswordPolicy policy;
    const Result<void> contains = policy.check(QStringLiteral("xx-Alice-Rocks-42"), kUser);
    QVERIFY(!contains.ok());
    QCOMPARE(contains.error().code, ErrorCode::PasswordPolicy);
    QVERIFY2(contains.error().detail.contains(QLatin1String("username")), qPrintable(contains.error().detail));
    QVERIFY(!policy.check(QStringLiteral("ALICE.WONDERLAND"), QStringLiteral("alice.wonderland")).ok()); // equal
    // Qt's simple case folding: "Ü" is "ü" (but "ß" is not "ss").
    QVERIFY(!policy.check(QStringLiteral("my name is Müller 77"), QStringLiteral("MÜLLER")).ok());
    // Usernames under 3 characters are not looked for ("al" is in too many words).
    QVERIFY(policy.check(QStringLiteral("walnut-Tree-ladder-7"), QStringLiteral("al")).ok());
    QVERIFY(policy.check(QStringLiteral("walnut-Tree-ladder-7"), QString()).ok());
}

void TestPasswords::policyCommonPasswords_data()
{
    QTest::addColumn<QString>("password");
    QTest::newRow("password + digits") << QStringLiteral("Password123456");
    QTest::newRow("qwertyuiop + year + !") << QStringLiteral("qwertyuiop2024!");
    QTest::newRow("list entry upper case") << QStringLiteral("WINNIETHEPOOH"); // an entry of 13 characters
    QTest::newRow("list entry mixed case + $") << QStringLiteral("WinnieThePooh$");
    QTest::newRow("letmein + padding") << QStringLiteral("LetMeIn!!!!!!!");
    QTest::newRow("trailing spaces") << QStringLiteral("monkey        ");
}

void TestPasswords::policyCommonPasswords()
{
    QFETCH(QString, password);
    const Result<void> result = PasswordPolicy().check(password, kUser);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::PasswordPolicy);
    QVERIFY2(result.error().detail.contains(QLatin1String("common")), qPrintable(result.error().detail));
}

void TestPasswords::policyPatterns_data()
{
    QTest::addColumn<QString>("password");
    QTest::newRow("one character") << QStringLiteral("aaaaaaaaaaaa");
    QTest::newRow("digits ascending, wrapping") << QStringLiteral("123456789012");
    QTest::newRow("digits descending") << QStringLiteral("987654321098");
    QTest::newRow("letters") << QStringLiteral("abcdefghijkl");
    QTest::newRow("letters upper case, wrapping") << QStringLiteral("UVWXYZABCDEF");
    QTest::newRow("letters descending") << QStringLiteral("zyxwvutsrqpo");
    QTest::newRow("repeated pair") << QStringLiteral("a1a1a1a1a1a1");
    QTest::newRow("repeated triple") << QStringLiteral("xq!xq!xq!xq!");
}

void TestPasswords::policyPatterns()
{
    QFETCH(QString, password);
    const Result<void> result = PasswordPolicy().check(password, kUser);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::PasswordPolicy);
}

void TestPasswords::policyAcceptsStrongPasswords_data()
{
    QTest::addColumn<QString>("password");
    QTest::newRow("random 16") << QStringLiteral("t7#Vq2!mZr9@Lw4K");
    QTest::newRow("passphrase") << QStringLiteral("purple tractor under snow");
    QTest::newRow("non-ASCII") << QStringLiteral("Ölfäßer-Brücke-Zwölf");
}

void TestPasswords::policyAcceptsStrongPasswords()
{
    QFETCH(QString, password);
    const Result<void> result = PasswordPolicy().check(password, kUser);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
}

void TestPasswords::detailNeverContainsPassword_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("part"); // the piece a careless message would quote
    QTest::newRow("short") << QStringLiteral("Sh0rt!") << QStringLiteral("Sh0rt");
    QTest::newRow("username") << QStringLiteral("alice-in-chains-1991") << QStringLiteral("chains");
    QTest::newRow("common") << QStringLiteral("Password123456") << QStringLiteral("123456");
    QTest::newRow("common word") << QStringLiteral("Sunshine2024!!") << QStringLiteral("sunshine");
    QTest::newRow("pattern") << QStringLiteral("zzzzzzzzzzzzzz") << QStringLiteral("zzz");
}

void TestPasswords::detailNeverContainsPassword()
{
    QFETCH(QString, password);
    QFETCH(QString, part);
    const Result<void> result = PasswordPolicy().check(password, kUser);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::PasswordPolicy);
    const QString detail = result.error().detail;
    QVERIFY(!detail.isEmpty());
    QVERIFY2(!detail.contains(password, Qt::CaseInsensitive), qPrintable(detail));
    QVERIFY2(!detail.contains(part, Qt::CaseInsensitive), qPrintable(detail));
}

QTEST_GUILESS_MAIN(TestPasswords)
#include "tst_passwords.moc"
