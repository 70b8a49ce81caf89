#include "jsonhighlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace Batchdesk::Ui {

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    updateColours(QGuiApplication::palette());
}

JsonHighlighter::~JsonHighlighter() = default;

void JsonHighlighter::updateColours(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    m_key.setForeground(dark ? QColor(0x8c, 0xb8, 0xff) : QColor(0x1f, 0x4f, 0xa8));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(dark ? QColor(0x9c, 0xd6, 0x8a) : QColor(0x2a, 0x7a, 0x2e));
    m_number.setForeground(dark ? QColor(0xf0, 0xa8, 0x6c) : QColor(0xa8, 0x4b, 0x00));
    m_literal.setForeground(dark ? QColor(0xd9, 0x9c, 0xf0) : QColor(0x8a, 0x2b, 0xa8));
    QColor punctuation = palette.color(QPalette::Text);
    punctuation.setAlphaF(0.6f);
    m_punctuation.setForeground(punctuation);
    rehighlight();
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'"') {
            qsizetype j = i + 1;
            while (j < n && text.at(j) != u'"')
                j += text.at(j) == u'\\' ? 2 : 1;
            j = qMin(j + 1, n);
            qsizetype k = j;
            while (k < n && text.at(k).isSpace())
                ++k;
            const bool isKey = k < n && text.at(k) == u':';
            setFormat(int(i), int(j - i), isKey ? m_key : m_string);
            i = j;
        } else if (c == u'-' || c.isDigit()) {
            qsizetype j = i + 1;
            while (j < n
                   && (text.at(j).isDigit() || text.at(j) == u'.' || text.at(j) == u'e' || text.at(j) == u'E'
                       || text.at(j) == u'+' || text.at(j) == u'-'))
                ++j;
            setFormat(int(i), int(j - i), m_number);
            i = j;
        } else if (c.isLetter()) {
            qsizetype j = i + 1;
            while (j < n && text.at(j).isLetter())
                ++j;
            setFormat(int(i), int(j - i), m_literal);
            i = j;
        } else if (c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u',' || c == u':') {
            setFormat(int(i), 1, m_punctuation);
            ++i;
        } else {
            ++i;
        }
    }
}

} // namespace Batchdesk::Ui
