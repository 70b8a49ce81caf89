#include "builderdialog.h"

#include "appcontroller.h"
#include "common/paths.h"
#include "common/workcontrol.h"
#include "displayformat.h"
#include "filedialog.h"
#include "icons.h"
#include "jsonhighlighter.h"
#include "jsonl/requestsummary.h"
#include "results/jsoncolumns.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QUuid>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Batchdesk::Ui {

using Jsonl::BuildDiagnostic;
using Models::DisplayFormat::count;

namespace {

constexpr int kPreviewRows = 100;

QString diagnosticText(const BuildDiagnostic &d)
{
    QString where;
    if (d.row > 0)
        where = QCoreApplication::translate("Batchdesk::Ui::BuilderDialog", "Row %1 (line %2): ")
                    .arg(count(d.row), count(d.line));
    else if (d.line > 0)
        where = QCoreApplication::translate("Batchdesk::Ui::BuilderDialog", "Line %1: ").arg(count(d.line));
    return where + d.message;
}

} // namespace

BuilderDialog::BuilderDialog(AppController *controller, const Jsonl::LimitProfile &profile, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_profile(profile)
    , m_csvPath(new QLineEdit(this))
    , m_browse(new QPushButton(tr("Bro&wse\u2026"), this))
    , m_delimiterLabel(new QLabel(tr("Delimiter:"), this))
    , m_delimiter(new QComboBox(this))
    , m_header(new QCheckBox(tr("First row names the columns"), this))
    , m_csvInfo(new QLabel(this))
    , m_preview(new QTableWidget(this))
    , m_endpoint(new QComboBox(this))
    , m_model(new QComboBox(this))
    , m_systemLabel(new QLabel(tr("&System message:"), this))
    , m_system(new QPlainTextEdit(this))
    , m_userLabel(new QLabel(this))
    , m_user(new QPlainTextEdit(this))
    , m_inputColumn(new QComboBox(this))
    , m_idColumn(new QComboBox(this))
    , m_useTemperature(new QCheckBox(tr("Temperature"), this))
    , m_temperature(new QDoubleSpinBox(this))
    , m_useMaxTokens(new QCheckBox(tr("Max tokens"), this))
    , m_maxTokens(new QSpinBox(this))
    , m_useTopP(new QCheckBox(tr("Top p"), this))
    , m_topP(new QDoubleSpinBox(this))
    , m_stop(new QLineEdit(this))
    , m_responseFormat(new QComboBox(this))
    , m_schema(new QPlainTextEdit(this))
    , m_useDimensions(new QCheckBox(tr("Dimensions"), this))
    , m_dimensions(new QSpinBox(this))
    , m_extra(new QLineEdit(this))
    , m_allowEmpty(new QCheckBox(tr("Allow empty cells (warn instead of refusing)"), this))
    , m_previewRow(new QSpinBox(this))
    , m_previewJson(new QPlainTextEdit(this))
    , m_problems(new QListWidget(this))
    , m_output(new QLineEdit(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_buildButton(new QPushButton(tr("&Build"), this))
    , m_openButton(new QPushButton(tr("&Open in Validate"), this))
    , m_submitJobButton(new QPushButton(tr("Submit as &job"), this))
    , m_buildSubmitButton(new QPushButton(tr("Build && &Submit\u2026"), this))
{
    setObjectName(QStringLiteral("builderDialog"));
    setWindowTitle(tr("Build Batch from CSV"));
    setSizeGripEnabled(true);

    // Source
    // -------------------------------------------------------------------------------------------------
    m_csvPath->setObjectName(QStringLiteral("builderCsvPath"));
    m_csvPath->setReadOnly(true);
    m_csvPath->setPlaceholderText(tr("Choose a CSV or TSV file\u2026"));
    QPushButton *browse = m_browse;
    browse->setObjectName(QStringLiteral("builderBrowseCsv"));
    connect(browse, &QPushButton::clicked, this, &BuilderDialog::browseCsv);
    m_delimiter->setObjectName(QStringLiteral("builderDelimiter"));
    m_delimiter->addItem(tr("Detect"), 0);
    m_delimiter->addItem(tr("Comma ,"), int(','));
    m_delimiter->addItem(tr("Semicolon ;"), int(';'));
    m_delimiter->addItem(tr("Tab"), int('\t'));
    m_delimiter->addItem(tr("Pipe |"), int('|'));
    m_delimiter->setAccessibleName(tr("Delimiter"));
    m_header->setObjectName(QStringLiteral("builderHeader"));
    m_header->setChecked(true);
    const auto reload = [this] {
        if (!m_csvPath->text().isEmpty())
            loadCsv(m_csvPath->text());
    };
    connect(m_delimiter, &QComboBox::activated, this, reload);
    connect(m_header, &QCheckBox::toggled, this, reload);
    m_csvInfo->setObjectName(QStringLiteral("builderCsvInfo"));
    m_csvInfo->setWordWrap(true);
    m_preview->setObjectName(QStringLiteral("builderPreview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_preview->setSelectionMode(QAbstractItemView::SingleSelection);
    m_preview->setAccessibleName(tr("First rows of the CSV"));
    m_preview->horizontalHeader()->setStretchLastSection(true);
    m_preview->verticalHeader()->setDefaultSectionSize(m_preview->fontMetrics().height() + 6);
    connect(m_preview, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row >= 0)
            m_previewRow->setValue(row + 1);
    });

    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_csvPath, 1);
    sourceRow->addWidget(browse);
    sourceRow->addWidget(m_delimiterLabel);
    sourceRow->addWidget(m_delimiter);
    sourceRow->addWidget(m_header);
    auto *sourceBox = new QGroupBox(tr("Spreadsheet"), this);
    auto *sourceLayout = new QVBoxLayout(sourceBox);
    sourceLayout->addLayout(sourceRow);
    sourceLayout->addWidget(m_csvInfo);
    sourceLayout->addWidget(m_preview, 1);

    // Requests
    // -----------------------------------------------------------------------------------------------
    m_endpoint->setObjectName(QStringLiteral("builderEndpoint"));
    m_endpoint->addItem(tr("Chat completions"), QString(Jsonl::kChatCompletions));
    m_endpoint->addItem(tr("Completions"), QString(Jsonl::kCompletions));
    m_endpoint->addItem(tr("Embeddings"), QString(Jsonl::kEmbeddings));
    m_model->setObjectName(QStringLiteral("builderModel"));
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->setMinimumContentsLength(28);
    m_model->lineEdit()->setPlaceholderText(tr("model id, e.g. meta-llama/Meta-Llama-3.1-8B-Instruct"));
    if (const auto account = controller->currentAccount(); account && !account->defaultModel.isEmpty())
        m_model->setEditText(account->defaultModel);
    controller->fetchModels(
        [this, self = QPointer<BuilderDialog>(this)](const QStringList &ids, const QString &) {
            if (!self)
                return;
            const QString current = m_model->currentText();
            m_model->addItems(ids);
            m_model->setEditText(current.isEmpty() && !ids.isEmpty() ? ids.first() : current);
        });
    m_system->setObjectName(QStringLiteral("builderSystem"));
    m_user->setObjectName(QStringLiteral("builderUser"));
    for (QPlainTextEdit *edit : {m_system, m_user}) {
        edit->setTabChangesFocus(true);
        edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 4 + 12);
    }
    m_system->setPlaceholderText(tr("Optional, e.g. You are a careful analyst. Answer in one word."));
    m_user->setPlaceholderText(tr("e.g. Classify the sentiment of this review: {{review}}"));
    m_systemLabel->setBuddy(m_system);
    m_userLabel->setBuddy(m_user);
    auto *insert = new QToolButton(this);
    insert->setObjectName(QStringLiteral("builderInsertColumn"));
    insert->setText(tr("Insert column"));
    insert->setPopupMode(QToolButton::InstantPopup);
    insert->setMenu(new QMenu(insert));
    connect(insert->menu(), &QMenu::aboutToShow, this, [this, insert] {
        insert->menu()->clear();
        const QStringList columns = m_table ? m_table->columnNames() : QStringList();
        for (const QString &c : columns) {
            insert->menu()->addAction(c, this, [this, c] {
                QPlainTextEdit *target = m_system->hasFocus() ? m_system : m_user;
                target->insertPlainText(QStringLiteral("{{") + c + QStringLiteral("}}"));
                target->setFocus();
            });
        }
        if (columns.isEmpty())
            insert->menu()->addAction(tr("(open a CSV first)"))->setEnabled(false);
    });
    m_inputColumn->setObjectName(QStringLiteral("builderInputColumn"));
    m_idColumn->setObjectName(QStringLiteral("builderIdColumn"));

    auto *requestForm = new QFormLayout;
    requestForm->addRow(tr("&Endpoint:"), m_endpoint);
    requestForm->addRow(tr("&Model:"), m_model);
    requestForm->addRow(m_systemLabel, m_system);
    auto *userRow = new QVBoxLayout;
    userRow->addWidget(m_user);
    userRow->addWidget(insert, 0, Qt::AlignRight);
    requestForm->addRow(m_userLabel, userRow);
    requestForm->addRow(tr("&Input column:"), m_inputColumn);
    requestForm->addRow(tr("&custom_id:"), m_idColumn);

    // Parameters
    m_temperature->setObjectName(QStringLiteral("builderTemperature"));
    m_temperature->setRange(0, 2);
    m_temperature->setSingleStep(0.1);
    m_temperature->setValue(0.2);
    m_maxTokens->setObjectName(QStringLiteral("builderMaxTokens"));
    m_maxTokens->setRange(1, 1'000'000);
    m_maxTokens->setValue(256);
    m_topP->setObjectName(QStringLiteral("builderTopP"));
    m_topP->setRange(0, 1);
    m_topP->setSingleStep(0.05);
    m_topP->setValue(1);
    m_stop->setObjectName(QStringLiteral("builderStop"));
    m_stop->setPlaceholderText(tr("stop sequences, separated by |"));
    m_responseFormat->setObjectName(QStringLiteral("builderResponseFormat"));
    m_responseFormat->addItem(tr("Text"), int(Jsonl::BuildSpec::ResponseFormat::None));
    m_responseFormat->addItem(tr("JSON object"), int(Jsonl::BuildSpec::ResponseFormat::JsonObject));
    m_responseFormat->addItem(tr("JSON schema"), int(Jsonl::BuildSpec::ResponseFormat::JsonSchema));
    m_schema->setObjectName(QStringLiteral("builderSchema"));
    m_schema->setPlaceholderText(tr("JSON schema, e.g. {\"type\": \"object\", \"properties\": {...}}"));
    m_schema->setFixedHeight(m_schema->fontMetrics().lineSpacing() * 3 + 12);
    m_schema->setTabChangesFocus(true);
    m_dimensions->setObjectName(QStringLiteral("builderDimensions"));
    m_dimensions->setRange(1, 65'536);
    m_dimensions->setValue(1024);
    m_extra->setObjectName(QStringLiteral("builderExtra"));
    m_extra->setPlaceholderText(tr("extra JSON merged into each body, e.g. {\"seed\": 7}"));
    m_allowEmpty->setObjectName(QStringLiteral("builderAllowEmpty"));
    auto *params = new QFormLayout;
    const auto optional = [this](QCheckBox *box, QWidget *value) {
        value->setEnabled(false);
        connect(box, &QCheckBox::toggled, value, &QWidget::setEnabled);
        value->setAccessibleName(box->text());
        return value;
    };
    params->addRow(m_useTemperature, optional(m_useTemperature, m_temperature));
    params->addRow(m_useMaxTokens, optional(m_useMaxTokens, m_maxTokens));
    params->addRow(m_useTopP, optional(m_useTopP, m_topP));
    params->addRow(m_useDimensions, optional(m_useDimensions, m_dimensions));
    params->addRow(tr("Sto&p:"), m_stop);
    params->addRow(tr("&Response format:"), m_responseFormat);
    params->addRow(QString(), m_schema);
    params->addRow(tr("E&xtra JSON:"), m_extra);
    params->addRow(QString(), m_allowEmpty);
    auto *requestBox = new QGroupBox(tr("Requests"), this);
    auto *requestLayout = new QVBoxLayout(requestBox);
    requestLayout->addLayout(requestForm);
    auto *paramsBox = new QGroupBox(tr("Parameters"), this);
    paramsBox->setLayout(params);

    // Preview and problems ---------------------------------------------------------------------------------
    m_previewRow->setObjectName(QStringLiteral("builderPreviewRow"));
    m_previewRow->setRange(1, 1);
    m_previewRow->setPrefix(tr("row "));
    m_previewJson->setObjectName(QStringLiteral("builderPreviewJson"));
    m_previewJson->setReadOnly(true);
    m_previewJson->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_previewJson->setAccessibleName(tr("Request JSON of the selected row"));
    m_previewHighlighter = new JsonHighlighter(m_previewJson->document());
    m_problems->setObjectName(QStringLiteral("builderProblems"));
    m_problems->setAccessibleName(tr("Problems"));
    m_problems->setWordWrap(true);
    auto *previewBox = new QGroupBox(tr("Preview"), this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    auto *previewTop = new QHBoxLayout;
    previewTop->addWidget(new QLabel(tr("Request of"), this));
    previewTop->addWidget(m_previewRow);
    previewTop->addStretch(1);
    previewLayout->addLayout(previewTop);
    previewLayout->addWidget(m_previewJson, 3);
    previewLayout->addWidget(new QLabel(tr("Problems:"), this));
    previewLayout->addWidget(m_problems, 2);

    // Output
    // -------------------------------------------------------------------------------------------------
    m_output->setObjectName(QStringLiteral("builderOutput"));
    m_output->setPlaceholderText(tr("where to write the .jsonl"));
    auto *browseOut = new QPushButton(tr("Save &as\u2026"), this);
    connect(browseOut, &QPushButton::clicked, this, [this] {
        const QString path = FileDialog::getSaveFileName(this, tr("Write the batch file"), m_output->text(),
                                                         tr("JSON Lines (*.jsonl)"));
        if (!path.isEmpty())
            m_output->setText(path.endsWith(QLatin1StringView(".jsonl")) ? path
                                                                         : path + QStringLiteral(".jsonl"));
    });
    m_progress->setObjectName(QStringLiteral("builderProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_status->setObjectName(QStringLiteral("builderStatus"));
    m_status->setWordWrap(true);
    m_buildButton->setObjectName(QStringLiteral("builderBuild"));
    m_buildButton->setDefault(true);
    m_openButton->setObjectName(QStringLiteral("builderOpen"));
    m_submitJobButton->setObjectName(QStringLiteral("builderSubmitJob"));
    m_openButton->hide();
    m_submitJobButton->hide();
    m_buildSubmitButton->setObjectName(QStringLiteral("builderBuildSubmit"));
    m_buildSubmitButton->setToolTip(tr("Write the file, then go straight to creating the batch"));
    connect(m_buildButton, &QPushButton::clicked, this, [this] {
        m_submitAfterBuild = false;
        build();
    });
    // One step from the CSV to the Create Batch dialog (the file is validated on the way).
    connect(m_buildSubmitButton, &QPushButton::clicked, this, [this] {
        m_submitAfterBuild = true;
        build();
    });
    connect(m_openButton, &QPushButton::clicked, this, [this] {
        if (!m_report.parts.isEmpty()) {
            emit openFileRequested(m_report.parts.first().path);
            accept();
        }
    });
    connect(m_submitJobButton, &QPushButton::clicked, this, [this] {
        // Parts cover consecutive rows in order: each starts on the line after the previous one.
        JobDraft draft;
        draft.sourcePath = m_source.isEmpty() ? m_csvPath->text() : m_sourcePath;
        draft.name = m_source.isEmpty() ? QFileInfo(draft.sourcePath).fileName() : m_title;
        draft.endpoint = spec().endpoint;
        // Retry rounds write their inputs into the job's folder: the app's data, not the user's folder.
        draft.folder = QDir(dataDirectory())
                           .filePath(QStringLiteral("jobs/build-")
                                     + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8));
        qint64 line = 1;
        for (const auto &p : m_report.parts) {
            Jsonl::SplitPart part;
            part.path = p.path;
            part.firstLine = line;
            part.lines = p.lines;
            part.bytes = p.bytes;
            part.embeddingInputs = p.embeddingInputs;
            draft.parts << part;
            line += p.lines;
        }
        emit submitJobRequested(draft);
        accept();
    });
    auto *close = new QPushButton(tr("Close"), this);
    connect(close, &QPushButton::clicked, this, [this] {
        if (m_cancel)
            m_cancel->store(true);
        reject();
    });
    auto *outputRow = new QHBoxLayout;
    outputRow->addWidget(new QLabel(tr("&Output:"), this));
    outputRow->addWidget(m_output, 1);
    outputRow->addWidget(browseOut);
    static_cast<QLabel *>(outputRow->itemAt(0)->widget())->setBuddy(m_output);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_progress);
    buttons->addWidget(m_openButton);
    buttons->addWidget(m_submitJobButton);
    buttons->addWidget(m_buildSubmitButton);
    buttons->addWidget(m_buildButton);
    buttons->addWidget(close);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(sourceBox, 2);
    leftLayout->addWidget(previewBox, 3);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(requestBox);
    rightLayout->addWidget(paramsBox);
    rightLayout->addStretch(1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addLayout(outputRow);
    layout->addLayout(buttons);

    // Live preview: any change of the form re-renders the selected row (debounced).
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setInterval(150);
    connect(timer, &QTimer::timeout, this, &BuilderDialog::updatePreview);
    const auto changed = [timer] { timer->start(); };
    connect(m_endpoint, &QComboBox::currentIndexChanged, this, [this, changed] {
        updateEndpointFields();
        changed();
    });
    connect(m_model, &QComboBox::editTextChanged, this, changed);
    for (QPlainTextEdit *e : {m_system, m_user, m_schema})
        connect(e, &QPlainTextEdit::textChanged, this, changed);
    for (QComboBox *c : {m_inputColumn, m_idColumn, m_responseFormat})
        connect(c, &QComboBox::currentIndexChanged, this, changed);
    for (QCheckBox *c : {m_useTemperature, m_useMaxTokens, m_useTopP, m_useDimensions, m_allowEmpty})
        connect(c, &QCheckBox::toggled, this, changed);
    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_topP, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_maxTokens, &QSpinBox::valueChanged, this, changed);
    connect(m_dimensions, &QSpinBox::valueChanged, this, changed);
    connect(m_previewRow, &QSpinBox::valueChanged, this, changed);
    connect(m_stop, &QLineEdit::textChanged, this, changed);
    connect(m_extra, &QLineEdit::textChanged, this, changed);
    connect(&m_readWatcher, &QFutureWatcher<Result<Jsonl::CsvTable>>::finished, this,
            &BuilderDialog::onCsvRead);
    connect(&m_writeWatcher, &QFutureWatcher<Result<Jsonl::BuildReport>>::finished, this,
            &BuilderDialog::onBuilt);
    auto *progressTimer = new QTimer(this);
    progressTimer->setInterval(100);
    connect(progressTimer, &QTimer::timeout, this, [this] {
        if (m_done && isBusy())
            m_progress->setValue(int(m_done->load()));
    });
    progressTimer->start();

    // Tab follows the form as it reads: spreadsheet, requests, parameters, preview, output, buttons.
    const QList<QWidget *> order {m_csvPath,
                                  browse,
                                  m_delimiter,
                                  m_header,
                                  m_preview,
                                  m_endpoint,
                                  m_model,
                                  m_system,
                                  m_user,
                                  insert,
                                  m_inputColumn,
                                  m_idColumn,
                                  m_useTemperature,
                                  m_temperature,
                                  m_useMaxTokens,
                                  m_maxTokens,
                                  m_useTopP,
                                  m_topP,
                                  m_useDimensions,
                                  m_dimensions,
                                  m_stop,
                                  m_responseFormat,
                                  m_schema,
                                  m_extra,
                                  m_allowEmpty,
                                  m_previewRow,
                                  m_previewJson,
                                  m_problems,
                                  m_output,
                                  browseOut,
                                  m_openButton,
                                  m_submitJobButton,
                                  m_buildSubmitButton,
                                  m_buildButton,
                                  close};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    updateEndpointFields();
    fillColumns();
    updatePreview();
    resize(1180, 780);
}

BuilderDialog::~BuilderDialog()
{
    if (m_cancel)
        m_cancel->store(true);
    m_readWatcher.waitForFinished();
    m_writeWatcher.waitForFinished();
}

void BuilderDialog::browseCsv()
{
    const QString path = FileDialog::getOpenFileName(
        this, tr("Open a spreadsheet"), tr("CSV and TSV files (*.csv *.tsv *.txt);;All files (*)"));
    if (!path.isEmpty())
        loadCsv(path);
}

void BuilderDialog::setSourceEditable(bool editable)
{
    for (QWidget *w : std::initializer_list<QWidget *> {m_browse, m_delimiterLabel, m_delimiter, m_header})
        w->setVisible(editable);
    m_preview->setAccessibleName(editable ? tr("First rows of the CSV") : tr("First rows of the table"));
}

void BuilderDialog::setTable(std::shared_ptr<const Jsonl::CsvTable> table, const QString &title,
                             const QJsonObject &source, const QString &idColumn)
{
    if (m_cancel)
        m_cancel->store(true);
    m_readWatcher.waitForFinished();
    m_title = title;
    m_source = source;
    m_pendingLink.reset();
    m_defaultIdColumn = idColumn;
    m_csvPath->setText(title);
    setSourceEditable(false);
    m_table = std::move(table);
    showTable();
}

void BuilderDialog::loadResults(std::shared_ptr<const Results::JoinedResults> results, const QString &title,
                                const QStringList &batchIds, const QString &jobId)
{
    if (m_cancel)
        m_cancel->store(true);
    m_readWatcher.waitForFinished();
    m_title = title;
    m_source = {};
    m_defaultIdColumn = QStringLiteral("custom_id"); // the next stage's results join this one's
    m_sourcePath = results->inputPath();
    m_csvPath->setText(title);
    setSourceEditable(false);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_done = std::make_shared<std::atomic<qint64>>(0);
    m_stageInfo = std::make_shared<Results::StageInfo>();
    m_pendingLink = std::make_shared<Results::StageLink>();
    m_status->setText(tr("Reading the results\u2026"));
    m_progress->setValue(0);
    m_progress->show();
    m_buildButton->setEnabled(false);
    m_readWatcher.setFuture(
        QtConcurrent::run([results, batchIds, jobId, info = m_stageInfo, link = m_pendingLink,
                           control = pollingControl(m_cancel, m_done)] {
            *link = Results::nextStageLink(batchIds, jobId, results->inputPath());
            const Results::JsonColumns columns = Results::JsonColumns::discover(*results, {}, control);
            Results::StageOptions options;
            options.manifestPath = Results::manifestOf(results->inputPath());
            return Results::stageTable(*results, columns, options, control, info.get());
        }));
}

void BuilderDialog::loadCsv(const QString &path)
{
    if (m_cancel)
        m_cancel->store(true);
    m_readWatcher.waitForFinished();
    m_source = {};
    m_pendingLink.reset();
    m_defaultIdColumn.clear();
    m_sourcePath.clear();
    m_title.clear();
    setSourceEditable(true);
    m_csvPath->setText(path);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_done = std::make_shared<std::atomic<qint64>>(0);
    Jsonl::CsvOptions options;
    options.delimiter = char(m_delimiter->currentData().toInt());
    options.hasHeader = m_header->isChecked();
    m_status->setText(tr("Reading %1\u2026").arg(QFileInfo(path).fileName()));
    m_progress->setValue(0);
    m_progress->show();
    m_buildButton->setEnabled(false);
    m_readWatcher.setFuture(QtConcurrent::run([path, options, control = pollingControl(m_cancel, m_done)] {
        return Jsonl::CsvTable::read(path, options, control);
    }));
    if (m_output->text().isEmpty()) {
        const QFileInfo info(path);
        m_output->setText(info.absoluteDir().filePath(info.completeBaseName() + QStringLiteral(".jsonl")));
    }
}

void BuilderDialog::onCsvRead()
{
    m_progress->hide();
    m_buildButton->setEnabled(true);
    auto result = m_readWatcher.result();
    if (!result.ok()) {
        m_table.reset();
        m_status->setText(result.error().code == QLatin1StringView("canceled")
                              ? tr("Reading was cancelled.")
                              : tr("Cannot read the file: %1").arg(result.errorString()));
        fillColumns();
        updatePreview();
        emit csvLoaded();
        return;
    }
    m_table = std::make_shared<const Jsonl::CsvTable>(std::move(result.value()));
    showTable();
}

void BuilderDialog::showTable()
{
    m_progress->hide();
    m_buildButton->setEnabled(true);
    if (!m_table)
        return;
    if (m_pendingLink) {
        const Results::StageLink link = *std::exchange(m_pendingLink, {});
        m_source = link.toJson();
        if (m_output->text().isEmpty() && !link.inputPath.isEmpty()) {
            const QFileInfo info(link.inputPath);
            static const QRegularExpression stageSuffix(QStringLiteral("-stage\\d+$"));
            const QString base = info.completeBaseName().remove(stageSuffix);
            m_output->setText(
                info.absoluteDir().filePath(base + QStringLiteral("-stage%1.jsonl").arg(link.stage)));
        }
    }
    const char d = m_table->delimiter();
    const QString delimiterName = d == ',' ? tr("comma")
        : d == ';'                         ? tr("semicolon")
        : d == '\t'                        ? tr("tab")
        : d == '|'                         ? tr("pipe")
                                           : QString(QChar::fromLatin1(d));
    if (m_title.isEmpty()) {
        m_csvInfo->setText(tr("%Ln row(s), %1 columns, %2-separated, %3", nullptr,
                              int(qMin<qint64>(m_table->rowCount(), INT_MAX)))
                               .arg(count(m_table->columnCount()))
                               .arg(delimiterName, Models::DisplayFormat::bytes(m_table->sourceBytes())));
    } else {
        QString info = tr("%Ln row(s), %1 columns", nullptr, int(qMin<qint64>(m_table->rowCount(), INT_MAX)))
                           .arg(count(m_table->columnCount()));
        const Results::StageInfo &stage = *m_stageInfo;
        if (stage.answerColumns > 0)
            info += tr("; %n answer column(s) from the JSON answers", nullptr, stage.answerColumns);
        if (stage.invalidAnswers > 0)
            info += tr("; %n answer(s) are not JSON (their answer cells are empty)", nullptr,
                       int(qMin<qint64>(stage.invalidAnswers, INT_MAX)));
        if (stage.skipped > 0)
            info += tr("; %n request(s) without a successful answer left out", nullptr,
                       int(qMin<qint64>(stage.skipped, INT_MAX)));
        if (!stage.csvPath.isEmpty())
            info += tr("; with the columns of %1").arg(QDir::toNativeSeparators(stage.csvPath));
        if (!stage.csvProblem.isEmpty())
            info += QStringLiteral(". ") + stage.csvProblem;
        m_csvInfo->setText(info);
    }
    m_status->clear();
    const QList<QStringList> rows = m_table->preview(kPreviewRows);
    m_preview->clear();
    m_preview->setColumnCount(m_table->columnCount());
    m_preview->setHorizontalHeaderLabels(m_table->columnNames());
    m_preview->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows.at(r).size() && c < m_table->columnCount(); ++c) {
            QString text = rows.at(r).at(c);
            auto *item = new QTableWidgetItem(text.replace(u'\n', QChar(0x21b5)));
            item->setToolTip(rows.at(r).at(c).left(500));
            m_preview->setItem(r, c, item);
        }
    }
    m_preview->resizeColumnsToContents();
    for (int c = 0; c < m_preview->columnCount(); ++c)
        m_preview->setColumnWidth(c, qMin(m_preview->columnWidth(c), 260));
    m_previewRow->setRange(1, int(qMax<qint64>(1, qMin<qint64>(m_table->rowCount(), INT_MAX))));
    fillColumns();
    if (!m_defaultIdColumn.isEmpty() && m_idColumn->findData(m_defaultIdColumn) >= 0)
        m_idColumn->setCurrentIndex(m_idColumn->findData(m_defaultIdColumn));
    // A first template that works: the first text column (the answer, for a table of results).
    if (m_user->toPlainText().isEmpty() && m_table->columnCount() > 0) {
        const bool results = m_table->columnIndex(u"response") >= 0 && !m_title.isEmpty();
        m_user->setPlainText(QStringLiteral("{{")
                             + (results ? QStringLiteral("response") : m_table->columnNames().constLast())
                             + QStringLiteral("}}"));
    }
    updatePreview();
    emit csvLoaded();
}

void BuilderDialog::fillColumns()
{
    const QStringList columns = m_table ? m_table->columnNames() : QStringList();
    const QString input = m_inputColumn->currentData().toString();
    const QString id = m_idColumn->currentData().toString();
    m_inputColumn->clear();
    m_inputColumn->addItem(tr("(use the template above)"), QString());
    m_idColumn->clear();
    m_idColumn->addItem(tr("Generate row-1, row-2, \u2026"), QString());
    for (const QString &c : columns) {
        m_inputColumn->addItem(c, c);
        m_idColumn->addItem(tr("From column \u201c%1\u201d").arg(c), c);
    }
    m_inputColumn->setCurrentIndex(qMax(0, m_inputColumn->findData(input)));
    m_idColumn->setCurrentIndex(qMax(0, m_idColumn->findData(id)));
}

void BuilderDialog::updateEndpointFields()
{
    const QString endpoint = m_endpoint->currentData().toString();
    const bool chat = endpoint == Jsonl::kChatCompletions;
    const bool embeddings = endpoint == Jsonl::kEmbeddings;
    m_systemLabel->setVisible(chat);
    m_system->setVisible(chat);
    m_userLabel->setText(chat ? tr("&User message:") : embeddings ? tr("Input &template:") : tr("&Prompt:"));
    m_inputColumn->setEnabled(embeddings);
    for (QWidget *w : std::initializer_list<QWidget *> {m_useTemperature, m_useMaxTokens, m_useTopP, m_stop})
        w->setEnabled(!embeddings);
    m_temperature->setEnabled(!embeddings && m_useTemperature->isChecked());
    m_maxTokens->setEnabled(!embeddings && m_useMaxTokens->isChecked());
    m_topP->setEnabled(!embeddings && m_useTopP->isChecked());
    m_responseFormat->setEnabled(chat);
    m_schema->setEnabled(chat);
    m_useDimensions->setEnabled(embeddings);
    m_dimensions->setEnabled(embeddings && m_useDimensions->isChecked());
}

Jsonl::BuildSpec BuilderDialog::spec() const
{
    Jsonl::BuildSpec s;
    s.endpoint = m_endpoint->currentData().toString();
    s.model = m_model->currentText().trimmed();
    const bool chat = s.endpoint == Jsonl::kChatCompletions;
    const bool embeddings = s.endpoint == Jsonl::kEmbeddings;
    if (chat)
        s.systemTemplate = m_system->toPlainText();
    const QString inputColumn = m_inputColumn->currentData().toString();
    if (embeddings && !inputColumn.isEmpty())
        s.inputColumns = {inputColumn};
    else
        s.userTemplate = m_user->toPlainText();
    s.idColumn = m_idColumn->currentData().toString();
    if (!embeddings) {
        if (m_useTemperature->isChecked())
            s.temperature = m_temperature->value();
        if (m_useMaxTokens->isChecked())
            s.maxTokens = m_maxTokens->value();
        if (m_useTopP->isChecked())
            s.topP = m_topP->value();
        for (const QString &stop : m_stop->text().split(u'|', Qt::SkipEmptyParts))
            s.stop << stop;
    }
    if (chat) {
        s.responseFormat = Jsonl::BuildSpec::ResponseFormat(m_responseFormat->currentData().toInt());
        if (s.responseFormat == Jsonl::BuildSpec::ResponseFormat::JsonSchema)
            s.jsonSchema = m_schema->toPlainText().toUtf8();
    }
    if (embeddings && m_useDimensions->isChecked())
        s.dimensions = m_dimensions->value();
    s.extraJson = m_extra->text().trimmed().toUtf8();
    s.allowEmptyCells = m_allowEmpty->isChecked();
    s.source = m_source;
    return s;
}

void BuilderDialog::updatePreview()
{
    m_schema->setVisible(m_responseFormat->currentData().toInt()
                         == int(Jsonl::BuildSpec::ResponseFormat::JsonSchema));
    if (!m_table) {
        m_builder.reset();
        setPreview(tr("Open a CSV file to see the requests it becomes."), false);
        m_problems->clear();
        return;
    }
    m_builder = std::make_unique<Jsonl::RequestBuilder>(*m_table, spec());
    const QList<BuildDiagnostic> diagnostics = m_builder->specDiagnostics();
    showProblems(diagnostics);
    bool errors = false;
    for (const auto &d : diagnostics)
        errors = errors || d.isError();
    const qint64 row = m_previewRow->value() - 1;
    if (errors || row >= m_table->rowCount()) {
        setPreview(errors ? tr("Fix the problems below to see the request.") : QString(), false);
        return;
    }
    setPreview(Jsonl::prettyJson(m_builder->requestFor(row)), true);
}

void BuilderDialog::setPreview(const QString &text, bool json)
{
    // A hint reads as a hint (the normal font, dimmed), a request as code (monospace, highlighted).
    m_previewHighlighter->setDocument(json ? m_previewJson->document() : nullptr);
    m_previewJson->setFont(json ? QFontDatabase::systemFont(QFontDatabase::FixedFont) : font());
    QPalette p = palette();
    if (!json)
        p.setColor(QPalette::Text, p.color(QPalette::PlaceholderText));
    m_previewJson->setPalette(p);
    m_previewJson->setPlainText(text);
}

QString BuilderDialog::previewText() const
{
    return m_previewJson->toPlainText();
}

void BuilderDialog::showProblems(const QList<BuildDiagnostic> &diagnostics, bool truncated)
{
    m_problems->clear();
    for (const auto &d : diagnostics) {
        auto *item = new QListWidgetItem(
            Models::icon(d.isError() ? QStringLiteral("error") : QStringLiteral("warning")),
            (d.isError() ? tr("Error: ") : tr("Warning: ")) + diagnosticText(d), m_problems);
        item->setData(Qt::UserRole, d.row);
    }
    if (truncated)
        new QListWidgetItem(tr("\u2026 more problems not listed"), m_problems);
    if (diagnostics.isEmpty())
        new QListWidgetItem(Models::icon(QStringLiteral("ok")), tr("No problems found so far."), m_problems);
}

QStringList BuilderDialog::problems() const
{
    QStringList list;
    for (int i = 0; i < m_problems->count(); ++i)
        list << m_problems->item(i)->text();
    return list;
}

QString BuilderDialog::outputPath() const
{
    return m_output->text();
}

void BuilderDialog::setOutputPath(const QString &path)
{
    m_output->setText(path);
}

void BuilderDialog::build()
{
    if (!m_table || isBusy())
        return;
    QString out = m_output->text().trimmed();
    if (out.isEmpty()) {
        m_status->setText(tr("Choose where to write the .jsonl first."));
        return;
    }
    if (!out.endsWith(QLatin1StringView(".jsonl")))
        out += QStringLiteral(".jsonl");
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_done = std::make_shared<std::atomic<qint64>>(0);
    m_status->setText(tr("Checking every row and writing\u2026"));
    m_progress->setValue(0);
    m_progress->show();
    m_buildButton->setEnabled(false);
    m_buildSubmitButton->setEnabled(false);
    m_openButton->hide();
    m_submitJobButton->hide();
    m_writeWatcher.setFuture(QtConcurrent::run([table = m_table, spec = spec(), profile = m_profile, out,
                                                control = pollingControl(m_cancel, m_done)] {
        const Jsonl::RequestBuilder builder(*table, spec);
        return builder.write(out, profile, control);
    }));
}

void BuilderDialog::onBuilt()
{
    m_progress->hide();
    m_buildButton->setEnabled(true);
    m_buildSubmitButton->setEnabled(true);
    const bool submit = std::exchange(m_submitAfterBuild, false);
    const auto result = m_writeWatcher.result();
    if (!result.ok()) {
        // The full check's findings say which rows; write() refuses before writing anything.
        if (result.error().code == QLatin1StringView("invalid_input") && m_table) {
            const Jsonl::RequestBuilder builder(*m_table, spec());
            const Jsonl::BuildCheck check = builder.check({}, 200);
            showProblems(check.diagnostics, check.truncated);
            m_status->setText(tr("Nothing was written: %Ln error(s) must be fixed first.", nullptr,
                                 int(qMin<qint64>(check.errorCount, INT_MAX))));
        } else {
            m_status->setText(tr("Nothing was written: %1").arg(result.errorString()));
        }
        emit buildFailed(result.errorString());
        return;
    }
    m_report = result.value();
    QStringList names;
    qint64 lines = 0;
    for (const auto &p : m_report.parts) {
        names << QFileInfo(p.path).fileName();
        lines += p.lines;
    }
    m_status->setText(tr("Wrote %1 (%2 requests in %n file(s)).", nullptr, int(m_report.parts.size()))
                          .arg(names.join(QStringLiteral(", ")), count(lines)));
    showProblems(m_report.check.diagnostics, m_report.check.truncated);
    const bool valid = m_report.valid();
    m_openButton->setVisible(m_report.parts.size() == 1 && valid);
    m_submitJobButton->setVisible(m_report.parts.size() > 1 && valid);
    if (m_report.parts.size() > 1)
        m_submitJobButton->setText(tr("Submit %n batches as a &job", nullptr, int(m_report.parts.size())));
    emit built(m_report);
    if (submit && valid) {
        if (m_report.parts.size() == 1) {
            emit submitFileRequested(m_report.parts.first().path);
            accept();
        } else {
            m_submitJobButton->click();
        }
    }
}

} // namespace Batchdesk::Ui
