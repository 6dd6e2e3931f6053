"""The finding codes the loader raises: syntax, encoding, file shape, schema, links and sizes.

Declared here, beside the code that raises them, so the loader depends on nothing above it;
the rule families in govdisc.rules declare the codes of the checks that run on records.
"""

from __future__ import annotations

from govdisc.codes import declare, finding

__all__ = ["finding"]  # the loader makes its findings through this module, so its codes are declared

declare(
    "REG001", "error",
    title=("YAML 语法错误", "YAML syntax error"),
    message=("YAML 语法错误：{problem}", "YAML syntax error: {problem_en}"),
    basis="YAML 1.2",
    hint=("按提示的行列修正缩进、冒号或括号；字符串中含冒号时加引号。", "Fix the indentation, colon or bracket at the given position; quote strings that contain ': '."),
    bad="title: 关于印发: 办法的通知\n  kind: notice", good='title: "关于印发: 办法的通知"\nkind: notice',
)
declare(
    "REG002", "error",
    title=("重复的键", "Duplicate key"),
    message=("同一映射中出现重复的键：{problem}", "duplicate key in one mapping: {problem_en}"),
    basis="YAML 1.2 §3.2.1.1",
    hint=("删除或合并重复的键；后出现的值不会覆盖前一个，而是整个文件无法读取。", "Remove or merge the repeated key."),
    bad="disclosure: public\ndisclosure: not_public", good="disclosure: public",
)
declare(
    "REG003", "error",
    title=("文件不是 UTF-8 文本", "File is not UTF-8 text"),
    message=("文件不是 UTF-8 文本：{what}", "the file is not UTF-8 text: {what_en}"),
    basis="登记簿约定：所有文件使用 UTF-8 编码（可带 BOM）",
    hint=("用编辑器以 UTF-8 编码另存，或在登记簿根目录（govdisc.yaml 所在文件夹）运行消息中的 iconv 命令转换；二进制文件不要放进登记簿。",
          "Save the file as UTF-8, or convert it with the iconv command in the message; binary files do not belong in the register."),
)
declare(
    "REG004", "error",
    title=("文件不是一条记录", "File is not a record"),
    message=("文件应为一个“键: 值”映射，但{what}", "the file must be one mapping of keys to values, but {what_en}"),
    basis="登记簿约定：每个文件是一条记录",
    hint=("按 govdisc new 生成的模板填写；不要留空文件。", "Start from the template `govdisc new` writes; do not leave empty files."),
    bad="- id: YSQ-2024-0001", good="id: YSQ-2024-0001",
)
declare(
    "REG005", "error",
    title=("字段不符合模式", "Schema violation"),
    message=("{detail}", "{detail_en}"),
    basis="schemas/*.schema.json（登记簿字段约定）",
    hint=("对照编辑器中的字段说明修正（`govdisc schema export .govdisc/schemas` 导出字段模式，编辑器据此提示和补全），"
          "或参照 `govdisc new` 生成的模板中每个字段旁的说明。",
          "Follow the editor's field help (`govdisc schema export .govdisc/schemas` exports the schemas it uses) "
          "or the comments beside each field of the template `govdisc new` writes."),
    bad="disclosure: maybe", good="disclosure: public",
    fixable=("日期补零（2024-9-5 → 2024-09-05）、枚举值的大小写（Public → public）；其余须手工修改",
             "unpadded dates (2024-9-5 → 2024-09-05) and enum values in the wrong case (Public → public); the rest by hand"),
)
declare(
    "REG006", "warning",
    title=("文件位置不符合目录约定", "File in an unknown place"),
    message=("文件位置不符合登记簿目录约定，不会被检查；{expected}",
             "this file is not at a place of the register layout and is not checked; {expected_en}"),
    basis="登记簿目录约定（docs/register-format.md）",
    hint=("移动到约定位置，例如 documents/2024/xxx.yaml、applications/2024/YSQ-2024-0001.yaml。",
          "Move it to its place, e.g. documents/2024/x.yaml or applications/2024/YSQ-2024-0001.yaml."),
)
declare(
    "REG016", "error",
    title=("使用了 YAML 锚点和别名", "YAML anchors and aliases"),
    message=("文件使用了 YAML 锚点/别名（&名称 / *名称），登记簿不支持", "the file uses YAML anchors/aliases (&name / *name), which the register does not allow"),
    basis="登记簿约定：每条记录内容完整写出，便于审阅和比对",
    hint=("把别名处替换为完整内容，删除 & 和 * 标记。", "Write the content out in full instead of the alias; remove the & and * marks."),
    bad="a: &x {by: 局办公室}\nsecrecy_review: *x", good="secrecy_review: {date: 2024-03-01, by: 局办公室}",
)
declare(
    "REG013", "error",
    title=("文件无法读取", "File cannot be read"),
    message=("文件无法读取：{error}", "the file cannot be read: {error}"),
    basis="—",
    hint=("检查文件权限，或是否为损坏的链接。", "Check the file's permissions or whether it is a broken link."),
)
declare(
    "REG017", "error",
    title=("文件过大", "File too large"),
    message=("文件大小 {size}，超过单个文件上限 {limit}，未读取", "the file is {size}, over the per-file limit of {limit}; it was not read"),
    basis="登记簿约定：一个文件是一条记录（govdisc.yaml 的 limits.max_file_bytes 可调整上限）",
    hint=("一条记录不会有这么大：检查是否误放了数据文件或附件；确需更大时调整 limits.max_file_bytes。",
          "No record is this large: check for a data file or attachment saved by mistake; raise limits.max_file_bytes only if it is really needed."),
)
declare(
    "REG018", "error",
    title=("符号链接未跟随", "Symbolic link not followed"),
    message=("这是指向 {target} 的符号链接，{why}，未读取", "this is a symbolic link to {target}; {why_en}, so it was not read"),
    basis="安全约定：检查只读取登记簿目录之内的文件",
    hint=("把链接替换为文件本身（git 中提交真实文件），不要链接到登记簿之外或链接目录。",
          "Replace the link with the file itself; do not link outside the register or link folders."),
)
declare(
    "REG019", "error",
    title=("不是普通文件", "Not a regular file"),
    message=("名为 YAML 文件，但这是{what}，未读取", "named like a YAML file, but this is {what_en}; it was not read"),
    basis="登记簿约定：每条记录是一个普通文件",
    hint=("删除它或改名；记录必须是普通的 .yaml 文件。", "Remove or rename it; a record must be a plain .yaml file."),
)
declare(
    "REG025", "warning",
    title=("文件夹嵌套过深", "Folders nested too deep"),
    message=("文件夹在登记簿中嵌套到第 {depth} 层，超过上限 {limit} 层，其中的文件未检查",
             "this folder is nested {depth} levels deep in the register, over the limit of {limit}; nothing in it was checked"),
    basis="登记簿目录约定（docs/register-format.md）：记录最多放在两层文件夹中，如 documents/<年度>/",
    hint=("把其中的记录移到约定位置（如 documents/2024/xxx.yaml），删除多余的文件夹层级。",
          "Move the records in it to their places (e.g. documents/2024/x.yaml) and remove the extra folder levels."),
    bad="documents/2024/a/b/c/…/x.yaml（嵌套数十层）", good="documents/2024/x.yaml",
    clauses=(),
)
declare(
    "REG026", "error",
    title=("文件中的值过多", "Too many values in one file"),
    message=("{problem}", "{problem_en}"),
    basis="登记簿约定：一个文件是一条记录（最大的记录也只有几百个值）",
    hint=("检查是否误放了数据文件，或把数据拆分到多条记录中。",
          "Check for a data file saved by mistake, or split the data into several records."),
    bad="topics: [1, 1, 1, …]  # 数十万项", good="topics: [广播电视许可]",
    clauses=(),
)
