#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Batchdesk::Ui {

/**
 * Colours JSON text: keys, strings, numbers and the literals true/false/null.
 *
 * A small hand-written scanner per block (no regular expressions); it assumes strings do not span lines,
 * which holds for prettyJson() output. Colours are chosen for the palette's lightness so dark themes stay
 * readable.
 */
class JsonHighlighter final : public QSyntaxHighlighter
{
public:
    explicit JsonHighlighter(QTextDocument *document);
    ~JsonHighlighter() override;

    /** Re-reads the palette, e.g. after a theme change. */
    void updateColours(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
    QTextCharFormat m_punctuation;
};

} // namespace Batchdesk::Ui
