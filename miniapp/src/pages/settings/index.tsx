// 设置 › 账号与安全: who is signed in, signing out, and erasing my data, kept
// off the main 我的 page so a destructive action is never one stray tap away.
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import LoginPrompt from '@/components/LoginPrompt';
import PageShell from '@/components/PageShell';
import { useSession } from '@/hooks/useSession';
import { logout } from '@/services/auth';
import { deleteMe } from '@/services/me';
import { confirmAction } from '@/utils/dialog';
import { tabs } from '@/utils/routes';
import './index.scss';

export default function SettingsPage() {
  const { user } = useSession();

  const signOut = () => {
    logout();
    void Taro.switchTab({ url: tabs.me });
  };

  const eraseMyData = async () => {
    const confirmed = await confirmAction({
      title: '删除我的数据',
      content: '将删除你的昵称、手机号、志愿者资料等个人信息并退出登录；历史报名记录仅以匿名方式保留用于统计。此操作无法撤销。',
      confirmText: '确认删除',
      destructive: true,
    });
    if (!confirmed) return;
    try {
      await deleteMe();
      logout();
      Taro.showToast({ title: '个人数据已删除', icon: 'none' });
      void Taro.switchTab({ url: tabs.me });
    } catch {
      // the request wrapper showed the server's message
    }
  };

  return (
    <PageShell>
      <Text className="section settings__group">账号与安全</Text>
      {user ? (
        <View>
          <View className="card">
            <View className="list-row settings__row">
              <Text>当前账号</Text>
              <Text className="muted">{user.nickname}</Text>
            </View>
            <View className="list-row settings__row">
              <Text>手机号</Text>
              <Text className="muted">{user.phone ? `${user.phone.slice(0, 3)}****${user.phone.slice(-4)}` : '未填写'}</Text>
            </View>
          </View>
          <View className="section">
            <Button className="btn btn--ghost btn--block" onClick={signOut}>
              退出登录
            </Button>
          </View>
          <View className="card settings__danger">
            <Text className="title">删除我的数据</Text>
            <Text className="muted block">删除昵称、手机号和志愿者资料并退出登录；历史报名只以匿名方式保留用于统计。此操作无法撤销。</Text>
            <Button className="btn btn--danger btn--block settings__erase" onClick={() => void eraseMyData()}>
              删除我的数据
            </Button>
          </View>
        </View>
      ) : (
        <LoginPrompt text="登录后可管理账号与个人数据" />
      )}
    </PageShell>
  );
}
