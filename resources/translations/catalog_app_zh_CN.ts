<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BackupsPanel</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Check integrity</source>
        <translation>检查完整性</translation>
    </message>
    <message>
        <source>This is a server database: its administrator backs it up on the server.</source>
        <translation>这是服务器数据库，由其管理员在服务器上备份。</translation>
    </message>
    <message>
        <source>Backup written: %1</source>
        <translation>备份已保存：%1</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <source>Restore newest good backup...</source>
        <translation>恢复最近的完好备份…</translation>
    </message>
    <message>
        <source>A backup is made each time the app opens this file, every %1 minutes while it runs, and when you press &quot;Back up now&quot;. The newest %2 are kept.</source>
        <translation>每次程序打开此文件时、运行期间每 %1 分钟，以及点击“立即备份”时，都会生成一份备份；保留最近的 %2 份。</translation>
    </message>
    <message>
        <source>Backing up...</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Checking the whole database file...</source>
        <translation>正在检查整个数据库文件…</translation>
    </message>
    <message>
        <source>Integrity check passed: no problems found.</source>
        <translation>完整性检查通过：未发现问题。</translation>
    </message>
    <message>
        <source>Integrity check found problems: %1</source>
        <translation>完整性检查发现问题：%1</translation>
    </message>
    <message>
        <source>Restore newest good backup</source>
        <translation>恢复最近的完好备份</translation>
    </message>
    <message>
        <source>Replace the open database with its newest good backup? Changes made after that backup will not be in the restored file. The current file is kept beside it under a new name.</source>
        <translation>用最近的完好备份替换当前数据库吗？该备份之后所做的修改不会出现在恢复后的文件中。当前文件会改名后保留在同一文件夹中。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Catalog</source>
        <translation>车型目录</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>客户线索</translation>
    </message>
    <message>
        <source>Intents</source>
        <translation>购车意向</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>NEV Truck Fair Catalog</source>
        <translation>新能源卡车展会助手</translation>
    </message>
    <message>
        <source>SAMPLE DATA — %1</source>
        <translation>示例数据 —— %1</translation>
    </message>
    <message>
        <source>not a real fair</source>
        <translation>并非真实展会</translation>
    </message>
    <message>
        <source>Backed up at %1: %2</source>
        <translation>已于 %1 备份：%2</translation>
    </message>
    <message>
        <source>Backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <source>Restore newest good backup</source>
        <translation>恢复最近的完好备份</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>The database could not be reopened: %1
The app will close.</source>
        <translation>无法重新打开数据库：%1
程序将关闭。</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
</context>
<context>
    <name>OpenDatabase</name>
    <message>
        <source>Opening the database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>No good backup of this file was found, so it cannot be restored here. Keep the file for a technician; the app will close.</source>
        <translation>没有找到此文件的完好备份，因此无法在这里恢复。请保留该文件交给技术人员；程序将关闭。</translation>
    </message>
    <message>
        <source>Newest good backup: %1</source>
        <translation>最近的完好备份：%1</translation>
    </message>
    <message>
        <source>Restore newest good backup</source>
        <translation>恢复最近的完好备份</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The restore failed: %1</source>
        <translation>恢复失败：%1</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Not built yet in this version. Nothing on this page works yet, and no data is kept here.</source>
        <translation>本版本尚未实现此功能。此页面目前不能使用，也不会保存任何数据。</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>客户线索</translation>
    </message>
    <message>
        <source>This page will capture visitors at the booth: a badge scan fills the form; staff add company, industry, fleet size, models of interest, timeframe, financing, a hot/warm/cold rating and notes, with the visitor&apos;s consent. People captured twice are flagged so they can be merged.</source>
        <translation>此页面将用于在展位登记访客：扫描胸卡即可填表；工作人员补充公司、行业、车队规模、意向车型、购车时间、融资方式、热/温/冷评级和备注，并取得访客同意。重复登记的人员会被标记，以便合并。</translation>
    </message>
    <message>
        <source>Purchase intents</source>
        <translation>购车意向</translation>
    </message>
    <message>
        <source>This page will prepare a draft purchase-intent form (购车意向书) for a buyer: models, quantities, indicative prices, delivery and payment terms, printed or saved as PDF for signing at the table, with its status tracked from draft to signed.</source>
        <translation>此页面将为买方准备购车意向书草稿：车型、数量、参考价格、交付和付款条件，可打印或保存为 PDF 供现场签署，并跟踪其状态（从草稿到已签署）。</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <source>This page will show what the fair produced: leads by model, hour, rating and staff member, and the units and value of purchase intents.</source>
        <translation>此页面将展示展会成果：按车型、时段、评级和工作人员统计的客户线索，以及购车意向的台数和金额。</translation>
    </message>
</context>
<context>
    <name>Restore</name>
    <message>
        <source>Restored the backup %1.</source>
        <translation>已恢复备份 %1。</translation>
    </message>
    <message>
        <source>The previous file was kept as %1.</source>
        <translation>原文件已保留为 %1。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Applies at once; no restart needed.</source>
        <translation>立即生效，无需重启。</translation>
    </message>
    <message>
        <source>Database and device</source>
        <translation>数据库与设备</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Schema revision</source>
        <translation>结构版本</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>本设备</translation>
    </message>
    <message>
        <source>App version</source>
        <translation>程序版本</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>未知（%1）</translation>
    </message>
    <message>
        <source>code %1 (id %2)</source>
        <translation>编号 %1（ID %2）</translation>
    </message>
</context>
</TS>
