#include "api/retrypolicy.h"

#include <QTest>

using Batchdesk::Api::RetryPolicy;

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private slots:
    void retryableStatus_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("shouldRetryHeader");
        QTest::addColumn<bool>("retry");
        QTest::newRow("400") << 400 << QByteArray() << false;
        QTest::newRow("401") << 401 << QByteArray() << false;
        QTest::newRow("404") << 404 << QByteArray() << false;
        QTest::newRow("408") << 408 << QByteArray() << true;
        QTest::newRow("409") << 409 << QByteArray() << true;
        QTest::newRow("422") << 422 << QByteArray() << false;
        QTest::newRow("429") << 429 << QByteArray() << true;
        QTest::newRow("500") << 500 << QByteArray() << true;
        QTest::newRow("503") << 503 << QByteArray() << true;
        QTest::newRow("x-should-retry true on 400") << 400 << QByteArray("true") << true;
        QTest::newRow("x-should-retry false on 503") << 503 << QByteArray("false") << false;
    }

    void retryableStatus()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, shouldRetryHeader);
        QFETCH(bool, retry);
        QCOMPARE(RetryPolicy::shouldRetry(status, shouldRetryHeader), retry);
    }

    void serverDelay_data()
    {
        QTest::addColumn<QByteArray>("retryAfterMs");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<qint64>("expected"); // -1: none
        QTest::newRow("retry-after-ms wins") << QByteArray("1500") << QByteArray("30") << qint64(1500);
        QTest::newRow("fractional ms") << QByteArray("10.2") << QByteArray() << qint64(11);
        QTest::newRow("seconds") << QByteArray() << QByteArray("2") << qint64(2000);
        QTest::newRow("fractional seconds") << QByteArray() << QByteArray("0.5") << qint64(500);
        QTest::newRow("http date 30 s ahead")
            << QByteArray() << QByteArray("Wed, 25 Nov 2026 12:00:30 GMT") << qint64(30'000);
        QTest::newRow("http date in the past")
            << QByteArray() << QByteArray("Wed, 25 Nov 2026 11:00:00 GMT") << qint64(0);
        QTest::newRow("garbage") << QByteArray() << QByteArray("soon") << qint64(-1);
        QTest::newRow("nothing") << QByteArray() << QByteArray() << qint64(-1);
    }

    void serverDelay()
    {
        QFETCH(QByteArray, retryAfterMs);
        QFETCH(QByteArray, retryAfter);
        QFETCH(qint64, expected);
        const QDateTime now(QDate(2026, 11, 25), QTime(12, 0, 0), Qt::UTC);
        const auto d = RetryPolicy::serverDelayMs(retryAfterMs, retryAfter, now);
        if (expected < 0)
            QVERIFY(!d.has_value());
        else
            QCOMPARE(d.value_or(-1), expected);
    }

    void backoff()
    {
        RetryPolicy p;
        // No jitter (random 0): 0.5, 1, 2, 4, 8, 8 s.
        QCOMPARE(p.delayMs(0, std::nullopt, 0.0), 500);
        QCOMPARE(p.delayMs(1, std::nullopt, 0.0), 1000);
        QCOMPARE(p.delayMs(2, std::nullopt, 0.0), 2000);
        QCOMPARE(p.delayMs(4, std::nullopt, 0.0), 8000);
        QCOMPARE(p.delayMs(9, std::nullopt, 0.0), 8000);
        // Jitter only shortens, by at most a quarter.
        QCOMPARE(p.delayMs(0, std::nullopt, 0.999999), 375);
        for (double r : {0.1, 0.5, 0.9}) {
            const int d = p.delayMs(3, std::nullopt, r);
            QVERIFY(d <= 4000 && d >= 3000);
        }
    }

    void serverDelayHonouredUpToSixtySeconds()
    {
        RetryPolicy p;
        QCOMPARE(p.delayMs(0, 2000, 0.5), 2000);
        QCOMPARE(p.delayMs(0, 60'000, 0.5), 60'000);
        // Longer than 60 s: fall back to the normal backoff rather than freezing for minutes.
        QCOMPARE(p.delayMs(0, 61'000, 0.0), 500);
    }

    void networkErrors()
    {
        QVERIFY(RetryPolicy::isRetryableNetworkError(QNetworkReply::RemoteHostClosedError));
        QVERIFY(RetryPolicy::isRetryableNetworkError(QNetworkReply::ConnectionRefusedError));
        QVERIFY(RetryPolicy::isRetryableNetworkError(QNetworkReply::OperationCanceledError));
        QVERIFY(!RetryPolicy::isRetryableNetworkError(QNetworkReply::SslHandshakeFailedError));
        QVERIFY(!RetryPolicy::isRetryableNetworkError(QNetworkReply::ProtocolUnknownError));
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
