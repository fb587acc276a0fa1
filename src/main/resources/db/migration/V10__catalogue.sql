-- The catalogue of resource kinds (Art. 6, PRODUCT C3). Retired kinds stay for old records.
CREATE TABLE resource_kind (
    code         varchar(40)  PRIMARY KEY,
    category     varchar(30)  NOT NULL CHECK (category IN ('CLOUD_HOST', 'CLOUD_DATABASE', 'CLOUD_STORAGE',
                                                           'SECURITY_SERVICE', 'BANDWIDTH', 'BACKUP')),
    name_zh      varchar(60)  NOT NULL,
    name_en      varchar(60)  NOT NULL,
    billing_unit varchar(30)  NOT NULL,
    spec_fields  jsonb        NOT NULL DEFAULT '[]',
    sort_order   int          NOT NULL,
    retired_at   timestamptz,
    created_at   timestamptz  NOT NULL DEFAULT now()
);

INSERT INTO resource_kind (code, category, name_zh, name_en, billing_unit, sort_order, spec_fields) VALUES
('CLOUD_HOST', 'CLOUD_HOST', '云主机', 'Cloud host', '台·月', 10, '[
  {"name":"vcpu","labelZh":"vCPU","labelEn":"vCPU","type":"INTEGER","min":1,"max":128,"unit":"核"},
  {"name":"memoryGib","labelZh":"内存","labelEn":"Memory","type":"INTEGER","min":1,"max":1024,"unit":"GiB"},
  {"name":"systemDiskGib","labelZh":"系统盘","labelEn":"System disk","type":"INTEGER","min":40,"max":2048,"unit":"GiB"},
  {"name":"os","labelZh":"操作系统","labelEn":"Operating system","type":"CHOICE","choices":["麒麟 Kylin","统信 UOS","openEuler","CentOS","Ubuntu","Windows Server"]}
]'),
('CLOUD_DATABASE', 'CLOUD_DATABASE', '云数据库', 'Cloud database', '实例·月', 20, '[
  {"name":"engine","labelZh":"数据库引擎","labelEn":"Engine","type":"CHOICE","choices":["MySQL","PostgreSQL","达梦 DM","人大金仓 Kingbase","Oracle","SQL Server"]},
  {"name":"vcpu","labelZh":"vCPU","labelEn":"vCPU","type":"INTEGER","min":1,"max":64,"unit":"核"},
  {"name":"memoryGib","labelZh":"内存","labelEn":"Memory","type":"INTEGER","min":1,"max":512,"unit":"GiB"},
  {"name":"storageGib","labelZh":"存储","labelEn":"Storage","type":"INTEGER","min":20,"max":32768,"unit":"GiB"}
]'),
('CLOUD_STORAGE', 'CLOUD_STORAGE', '云存储', 'Cloud storage', 'GiB·月', 30, '[
  {"name":"storageType","labelZh":"存储类型","labelEn":"Storage type","type":"CHOICE","choices":["块存储 block","对象存储 object","文件存储 file"]},
  {"name":"capacityGib","labelZh":"容量","labelEn":"Capacity","type":"INTEGER","min":10,"max":1048576,"unit":"GiB"}
]'),
('WAF', 'SECURITY_SERVICE', 'Web 应用防火墙', 'Web application firewall', '域名·月', 40, '[
  {"name":"domains","labelZh":"防护域名数","labelEn":"Protected domains","type":"INTEGER","min":1,"max":200,"unit":""}
]'),
('ANTI_DDOS', 'SECURITY_SERVICE', '抗 DDoS', 'Anti-DDoS', '防护IP·月', 50, '[
  {"name":"protectionGbps","labelZh":"防护带宽","labelEn":"Protection bandwidth","type":"INTEGER","min":1,"max":1000,"unit":"Gbps"}
]'),
('HOST_IDS', 'SECURITY_SERVICE', '主机入侵检测', 'Host intrusion detection', '台·月', 60, '[]'),
('BASTION_HOST', 'SECURITY_SERVICE', '堡垒机', 'Bastion host', '资产·月', 70, '[
  {"name":"assets","labelZh":"纳管资产数","labelEn":"Managed assets","type":"INTEGER","min":1,"max":5000,"unit":""}
]'),
('DATABASE_AUDIT', 'SECURITY_SERVICE', '数据库审计', 'Database audit', '实例·月', 80, '[]'),
('VULNERABILITY_SCAN', 'SECURITY_SERVICE', '漏洞扫描', 'Vulnerability scanning', 'IP·月', 90, '[]'),
('BANDWIDTH', 'BANDWIDTH', '互联网带宽', 'Bandwidth', 'Mbps·月', 100, '[
  {"name":"mbps","labelZh":"带宽","labelEn":"Bandwidth","type":"INTEGER","min":1,"max":10000,"unit":"Mbps"}
]'),
('BACKUP', 'BACKUP', '备份容量', 'Backup capacity', 'GiB·月', 110, '[
  {"name":"capacityGib","labelZh":"容量","labelEn":"Capacity","type":"INTEGER","min":10,"max":1048576,"unit":"GiB"}
]');
