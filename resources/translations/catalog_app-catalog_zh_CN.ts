<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CatalogPage</name>
    <message>
        <source>The catalog could not be read: %1</source>
        <translation>无法读取车型目录：%1</translation>
    </message>
    <message>
        <source>Search models: name, maker, model code or announcement no.</source>
        <translation>搜索车型：名称、厂商、型号代码或公告型号</translation>
    </message>
    <message>
        <source>Type to filter the list; Enter selects the first model</source>
        <translation>输入即筛选列表；按回车选中第一个车型</translation>
    </message>
    <message>
        <source>Models: %1</source>
        <translation>车型：%1 款</translation>
    </message>
    <message>
        <source>No model matches &quot;%1&quot;. Try fewer letters or another spelling.</source>
        <translation>没有与“%1”匹配的车型。请减少字数或换一种写法再试。</translation>
    </message>
    <message>
        <source>The catalog is empty.

To try the app with the sample fair, quit and run:
catalog-app demo --start

To load your own models, import a catalog file (.json) or a workbook (.xlsx), then start the app again:
catalog-app import &lt;file&gt;</source>
        <translation>车型目录是空的。

如需用示例展会试用本程序，请退出后运行：
catalog-app demo --start

如需载入自己的车型，请导入目录文件（.json）或表格（.xlsx），然后重新启动程序：
catalog-app import &lt;文件&gt;</translation>
    </message>
    <message>
        <source>The spec sheet could not be read: %1</source>
        <translation>无法读取参数表：%1</translation>
    </message>
</context>
<context>
    <name>ModelCardDelegate</name>
    <message>
        <source>No photo</source>
        <translation>暂无图片</translation>
    </message>
</context>
<context>
    <name>SpecSheetView</name>
    <message>
        <source>Choose a model on the left to see its photo and full spec sheet.</source>
        <translation>在左侧选择一个车型，即可查看其图片和完整参数表。</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>暂无图片</translation>
    </message>
    <message>
        <source>Indicative price</source>
        <translation>指导价</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选装配置</translation>
    </message>
    <message>
        <source>included</source>
        <translation>已含</translation>
    </message>
    <message>
        <source>Brochures</source>
        <translation>产品资料</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
</context>
</TS>
